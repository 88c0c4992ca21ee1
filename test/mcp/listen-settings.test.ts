import { describe, expect, it } from 'vitest';
import { isLoopback, listenSettings } from '../../mcp/index.js';

const pem = (file: string) => Buffer.from(`PEM of ${file}`);

describe('mcp --http listen settings', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(listenSettings({ port: '8765' }, pem)).toEqual({ host: '127.0.0.1', port: 8765 });
  });

  it('refuses a non-loopback host without TLS', () => {
    expect(() => listenSettings({ port: '0', host: '0.0.0.0' }, pem)).toThrow(
      /--host 0.0.0.0 is reachable from other machines; serve it with --tls-cert/,
    );
  });

  it('accepts a non-loopback host with a certificate and key', () => {
    expect(listenSettings({ port: '0', host: '0.0.0.0', tlsCert: 'cert.pem', tlsKey: 'key.pem' }, pem)).toEqual({
      host: '0.0.0.0',
      port: 0,
      tls: { cert: pem('cert.pem'), key: pem('key.pem') },
    });
  });

  it('wants --tls-cert and --tls-key together', () => {
    expect(() => listenSettings({ port: '0', tlsCert: 'cert.pem' }, pem)).toThrow(
      '--tls-cert and --tls-key go together',
    );
  });

  it('names a certificate file it cannot read', () => {
    const missing = () => {
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    };
    expect(() => listenSettings({ port: '0', tlsCert: 'gone.pem', tlsKey: 'key.pem' }, missing)).toThrow(
      '--tls-cert gone.pem cannot be read (ENOENT)',
    );
  });

  it('refuses a port that is not a number from 0 to 65535', () => {
    expect(() => listenSettings({ port: '70000' }, pem)).toThrow(/--port takes a number from 0 to 65535/);
    expect(() => listenSettings({ port: 'http' }, pem)).toThrow(/not 'http'/);
  });

  it('counts 127.0.0.0/8, ::1 and localhost as loopback, nothing else', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].map(isLoopback)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['0.0.0.0', '192.168.1.10', '::', 'pve1.example.net'].map(isLoopback)).toEqual([false, false, false, false]);
  });
});
