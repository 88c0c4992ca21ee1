import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/audit/index.js';

const tokenSecret = '10d75ed0-b2ec-41a7-9aeb-eeb69db09035';
const ticket =
  'PVE:root@pam:69F07A96::6o27Gs1rPfNnYlifROjm5rE73abaEm3dIScFy6+cQx1mVh3d0Zk9bq2TzP8oL4nWfA7sR1yU6iE5jH0gK2lM3nB9vC8xD4zF7wQ==';
const csrf = '69F07A96:dQQZ8yASxfGHeGDlz8kgHYc2qKsaajLfnF9EOkwwCaw';
const privateKey = [
  '-----BEGIN OPENSSH PRIVATE KEY-----',
  'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW',
  'QyNTUxOQAAACBvZ0nT3s5mXq9J2c7v1dFhZr0kLwYQe8sT4uV6yB3aNwAAAJgAAAAAAAAA',
  '-----END OPENSSH PRIVATE KEY-----',
].join('\n');

describe('createRedactor', () => {
  const redactor = createRedactor();

  it('keeps the token id and hides the secret of a PVEAPIToken header value', () => {
    expect(redactor.redactText(`PVEAPIToken=root@pam!automation=${tokenSecret}`)).toBe(
      'PVEAPIToken=root@pam!automation=[REDACTED:token]',
    );
  });

  it('hides a URL-encoded PVEAPIToken value', () => {
    const text = `PVEAPIToken=root%40pam%21ai%3D${tokenSecret}`;
    expect(redactor.redactText(text)).toBe('PVEAPIToken=root%40pam%21ai%3D[REDACTED:token]');
  });

  it('hides a bare token id with its secret in an error message', () => {
    const text = `401 Authentication failed! (token root@pam!ai=${tokenSecret})`;
    expect(redactor.redactText(text)).toBe('401 Authentication failed! (token root@pam!ai=[REDACTED:token])');
  });

  it('hides a whole Authorization header line', () => {
    expect(
      redactor.redactText(`GET /api2/json/nodes\nAuthorization: PVEAPIToken=root@pam!ai=${tokenSecret}\nAccept: */*`),
    ).toBe('GET /api2/json/nodes\nAuthorization: [REDACTED:authorization]\nAccept: */*');
  });

  it('hides a Proxmox ticket in free text', () => {
    expect(redactor.redactText(`renewed ticket ${ticket} for root@pam`)).toBe(
      'renewed ticket [REDACTED:ticket] for root@pam',
    );
  });

  it('hides a VNC ticket', () => {
    expect(redactor.redactText('PVEVNC:65F2D9A1::Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg==')).toBe('[REDACTED:ticket]');
  });

  it('hides a URL-encoded ticket in a PVEAuthCookie cookie', () => {
    const cookie = `PVEAuthCookie=${encodeURIComponent(ticket)}; path=/`;
    expect(redactor.redactText(cookie)).toBe('PVEAuthCookie=[REDACTED:cookie]; path=/');
  });

  it('hides a CSRF prevention token given as a header and on its own', () => {
    expect(redactor.redactText(`CSRFPreventionToken: ${csrf}`)).toBe('CSRFPreventionToken: [REDACTED:csrf]');
    expect(redactor.redactText(`token was ${csrf}.`)).toBe('token was [REDACTED:csrf].');
  });

  it('hides an OpenSSH private key block', () => {
    expect(redactor.redactText(`key:\n${privateKey}\nend`)).toBe('key:\n[REDACTED:private-key]\nend');
  });

  it('hides a PEM private key cut short before its END line', () => {
    expect(redactor.redactText('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1x')).toBe('[REDACTED:private-key]');
  });

  it('hides password=value pairs in text and JSON text', () => {
    expect(redactor.redactText('login failed: username=root@pam&password=hunter2&realm=pam')).toBe(
      'login failed: username=root@pam&password=[REDACTED:password]&realm=pam',
    );
    expect(redactor.redactText('{"cipassword":"correct horse battery","ciuser":"admin"}')).toBe(
      '{"cipassword":"[REDACTED:password]","ciuser":"admin"}',
    );
  });

  it('hides values under secret-bearing keys at any depth and keeps the rest', () => {
    const args = {
      vmid: 101,
      auth: {
        tokenId: 'root@pam!ai',
        tokenSecret,
        password: 'hunter2',
        nested: [{ ticket }, { CSRFPreventionToken: csrf }],
      },
      headers: { Authorization: 'Basic cm9vdDpodW50ZXIy', Cookie: 'PVEAuthCookie=abc' },
    };
    expect(redactor.redact(args)).toEqual({
      vmid: 101,
      auth: {
        tokenId: 'root@pam!ai',
        tokenSecret: '[REDACTED:secret]',
        password: '[REDACTED:password]',
        nested: [{ ticket: '[REDACTED:ticket]' }, { CSRFPreventionToken: '[REDACTED:csrf]' }],
      },
      headers: { Authorization: '[REDACTED:authorization]', Cookie: '[REDACTED:cookie]' },
    });
  });

  it('leaves empty, null and boolean values under secret keys readable', () => {
    expect(redactor.redact({ password: '', secret: null, 'verify-token': true })).toEqual({
      password: '',
      secret: null,
      'verify-token': true,
    });
  });

  it('hides exact values from the secrets file wherever they appear, also URL-encoded', () => {
    const custom = createRedactor({ secrets: ['s3cr3t/pass word'] });
    expect(custom.redactText('mount -o pass=s3cr3t/pass word and s3cr3t%2Fpass%20word')).toBe(
      'mount -o pass=[REDACTED:secret] and [REDACTED:secret]',
    );
  });

  it('does not hunt for secrets shorter than four characters', () => {
    expect(createRedactor({ secrets: ['pve'] }).redactText('node pve1')).toBe('node pve1');
  });

  it('turns errors, dates, binary data and cycles into JSON-safe values', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const out = redactor.redact({
      error: new Error(`bad token root@pam!ai=${tokenSecret}`),
      at: new Date('2026-11-23T10:00:00.000Z'),
      blob: Buffer.from('abc'),
      cyclic,
      skipped: undefined,
    });
    expect(out).toEqual({
      error: 'Error: bad token root@pam!ai=[REDACTED:token]',
      at: '2026-11-23T10:00:00.000Z',
      blob: '[binary 3 bytes]',
      cyclic: { name: 'loop', self: '[circular]' },
    });
  });

  it('keeps ordinary Proxmox text untouched', () => {
    const text = 'VM 101 (db-01) on pve1: smbios1 uuid=7c9e6679-7425-40de-944b-e07fc1f90ae7, tags prod;web, ostype l26';
    expect(redactor.redactText(text)).toBe(text);
  });

  it('finds a secret quoted inside an ordinary value', () => {
    expect(redactor.redactText('note="set password=hunter2 later"')).toBe(
      'note="set password=[REDACTED:password] later"',
    );
  });

  it('hides the rest of the line after a secret whose quote is never closed', () => {
    expect(redactor.redactText('{"password":"hunter2 and more\nnext')).toBe('{"password":"[REDACTED:password]"\nnext');
  });

  it('keeps a key named __proto__ as a visible key', () => {
    const out = redactor.redact(JSON.parse('{"vmid":101,"__proto__":{"password":"x"}}')) as object;
    expect(JSON.stringify(out)).toBe('{"vmid":101,"__proto__":{"password":"[REDACTED:password]"}}');
  });

  it('cuts text with a margin before redacting, so a secret across the cut never shows in part', () => {
    const text = `${'a '.repeat(50)}password=${'h'.repeat(100)} tail`;
    const out = redactor.redactWithin(text, 110);
    expect(out).not.toContain('hhh');
    expect(out).toBe(`${'a '.repeat(50)}password=[… [cut: 214 characters, 110 shown]`);
  });

  it('cuts long strings, long lists and deep nesting of a value when given limits', () => {
    const deep = { a: { b: { c: { d: 'x' } } } };
    const out = redactor.redact(
      { text: 'y'.repeat(50), list: [1, 2, 3, 4], deep },
      { maxString: 10, maxItems: 3, maxDepth: 3 },
    );
    expect(out).toEqual({
      text: 'yyyyyyyyyy… [cut: 50 characters, 10 shown]',
      list: [1, 2, 3, '[cut: 4 items, 3 shown]'],
      deep: { a: { b: '[cut: nested too deep]' } },
    });
  });
});

// Safety: before the rules were made linear, each of these took minutes at
// 1 MB; the test timeout is a hundred times the time they take now.
describe('redaction of hostile text', () => {
  const redactor = createRedactor({ secrets: ['s3cr3t-from-file'] });
  const megabyte = 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(megabyte / unit.length)).slice(0, megabyte);
  const shapes: Record<string, string> = {
    'a long run of word characters': fill('a'),
    'many @ signs': fill('@'),
    'words joined by @ and !': fill('ab@cd!'),
    'many = signs': fill('a='),
    'nested unclosed quotes': fill('k="'),
    'long base64': Buffer.from(fill('xyz')).toString('base64').slice(0, megabyte),
    'repeated ticket prefixes': fill('PVE%3A'),
    'repeated PVE': fill('PVE'),
    'repeated secret keys': fill('password='),
    'one 1 MB log line of key=value pairs': fill('user=root vmid=101 status=ok '),
    'colons and hex': fill('0123abcd:'),
  };

  for (const [name, text] of Object.entries(shapes)) {
    it(`redacts 1 MB of ${name} and still finds a secret at its end`, { timeout: 20_000 }, () => {
      const out = redactor.redactText(`${text} password=hunter2 s3cr3t-from-file`);
      expect(out.endsWith(' password=[REDACTED:password] [REDACTED:secret]')).toBe(true);
      expect(out).not.toContain('hunter2');
    });
  }

  it('leaves harmless hostile text as it was', { timeout: 20_000 }, () => {
    for (const name of ['a long run of word characters', 'many @ signs', 'many = signs', 'long base64', 'repeated PVE'])
      expect(redactor.redactText(shapes[name]!)).toBe(shapes[name]);
  });
});
