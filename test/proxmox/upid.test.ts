import { describe, expect, it } from 'vitest';
import { InvalidUpidError } from '../../src/proxmox/errors.js';
import { formatUpid, isUpid, parseUpid } from '../../src/proxmox/upid.js';

// Test vectors of pve-common test/upid-test.pl.
const aptUpdate = 'UPID:example-node:0000C346:165A0CE4:68D7279C:aptupdate::root@pam:';
const tokenBackup = 'UPID:example-node:000934AF:0D015579:68BF3A41:vzdump:100:user@pam!some-token:';

describe('parseUpid', () => {
  it('decodes pid, pstart and starttime from hex', () => {
    expect(parseUpid(aptUpdate)).toEqual({
      node: 'example-node',
      pid: 49990,
      pstart: 375000292,
      starttime: 1758930844,
      type: 'aptupdate',
      id: '',
      user: 'root@pam',
    });
  });

  it('keeps a token id as the user', () => {
    expect(parseUpid(tokenBackup)).toMatchObject({ type: 'vzdump', id: '100', user: 'user@pam!some-token' });
  });

  it('accepts a nine-digit pstart', () => {
    expect(parseUpid('UPID:pve1:001A2B3C:10A4F21C3:69F07A96:qmstart:100:root@pam:').pstart).toBe(0x10a4f21c3);
  });

  it('rejects a UPID without the trailing colon, with a typed usage error', () => {
    const attempt = () => parseUpid(aptUpdate.slice(0, -1));
    expect(attempt).toThrow(InvalidUpidError);
    expect(attempt).toThrow(/is not a Proxmox task id/);
  });

  it('rejects a node name with a slash, so a UPID cannot steer the request path', () => {
    expect(isUpid('UPID:pve1/../x:0000C346:165A0CE4:68D7279C:qmstart:100:root@pam:')).toBe(false);
  });
});

describe('formatUpid', () => {
  it('round-trips the reference vectors in upper-case hex', () => {
    expect(formatUpid(parseUpid(aptUpdate))).toBe(aptUpdate);
    expect(formatUpid(parseUpid(tokenBackup))).toBe(tokenBackup);
  });
});
