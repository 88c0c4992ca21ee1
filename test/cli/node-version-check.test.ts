import { describe, expect, it } from 'vitest';
import { checkNodeVersion } from '../../src/cli/doctor/local-checks.js';

describe('doctor: the Node version check', () => {
  it('is ok from 20.19, the Node Debian 13 and Proxmox VE 9 ship', () => {
    for (const version of ['20.19.0', '20.20.2', '22.1.0', '24.21.0'])
      expect(checkNodeVersion(version).status).toBe('ok');
  });

  it('warns on an older Node 20', () => {
    const result = checkNodeVersion('20.11.1');
    expect(result.status).toBe('warn');
    expect(result.fix).toMatch(/20\.19 or newer/);
  });

  it('fails below Node 20', () => {
    const result = checkNodeVersion('18.19.0');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/too old/);
  });
});
