import { describe, expect, it } from 'vitest';
import { frameSyslog } from '../../src/syslog/frame.js';
import { parseReceiverUrl } from '../../src/syslog/receiver-url.js';

const header = { facility: 'authpriv', appName: 'proxmox-ai', hostname: 'mcp-gw', procId: '4242' } as const;

describe('frameSyslog', () => {
  it('writes an RFC 5424 message in octet-counting framing, the count in bytes', () => {
    const text = '{"seq":1,"note":"ümlaut"}';
    const frame = frameSyslog(header, { timestamp: '2026-12-06T04:00:00.000Z', msgId: 'call', text }).toString('utf8');
    const message = `<86>1 2026-12-06T04:00:00.000Z mcp-gw proxmox-ai 4242 call - ${text}`;
    expect(frame).toBe(`${Buffer.byteLength(message)} ${message}`);
    expect(Buffer.byteLength(message)).toBe(message.length + 1);
  });

  it('computes PRI from the facility with severity info', () => {
    const frame = (facility: 'local0' | 'user') =>
      frameSyslog({ ...header, facility }, { timestamp: 't', msgId: 'x', text: '' }).toString();
    expect(frame('local0')).toMatch(/^\d+ <134>1 /);
    expect(frame('user')).toMatch(/^\d+ <14>1 /);
  });

  it('keeps header fields printable and bounded, "-" for none', () => {
    const frame = frameSyslog(
      { ...header, hostname: 'bad host\nname', appName: '' },
      { timestamp: 't', msgId: 'x'.repeat(40), text: 'a b' },
    ).toString();
    expect(frame).toContain(` badhostname - 4242 ${'x'.repeat(32)} - a b`);
  });
});

describe('parseReceiverUrl', () => {
  it.each([
    ['tcp://127.0.0.1:514', { tls: false, host: '127.0.0.1', port: 514, address: 'tcp://127.0.0.1:514' }],
    [
      'tls://logs.example.net:6514',
      { tls: true, host: 'logs.example.net', port: 6514, address: 'tls://logs.example.net:6514' },
    ],
    ['tls://[::1]:6514', { tls: true, host: '::1', port: 6514, address: 'tls://[::1]:6514' }],
  ])('reads %s', (text, expected) => {
    expect(parseReceiverUrl(text)).toEqual(expected);
  });

  it.each(['udp://host:514', 'tcp://host', 'tcp://host:0', 'tcp://host:70000', 'https://host:514'])(
    'refuses %s, naming the form',
    (text) => {
      expect(() => parseReceiverUrl(text)).toThrow('use tcp://HOST:PORT or tls://HOST:PORT');
    },
  );
});
