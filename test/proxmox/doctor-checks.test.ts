import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProfiles } from '../../src/cli/doctor/profile-checks.js';
import { startScenario, type Simulator } from './support/sim.js';

// One token that sees everything, and a privilege-separated one with no ACLs of its own.
const scenario = `
name: doctor
access:
  tokens:
    - id: "root@pam!sim"
      secret: "7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0001"
    - id: "ai@pve!blind"
      secret: "7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0003"
      privileges: {}
nodes:
  - { name: pve1 }
guests:
  - { vmid: 100, type: qemu, node: pve1, name: web-01, status: running }
`;

let sim: Simulator;

beforeAll(async () => {
  sim = await startScenario(scenario);
});

afterAll(async () => {
  await sim.close();
});

const profile = (tokenId: string, extra: Record<string, string> = {}) => ({
  url: sim.url,
  tokenId,
  fingerprint: sim.fingerprint,
  ...extra,
});
const secrets = (name: string, tokenSecret: string) => ({ profiles: { [name]: { tokenSecret } } });

describe('doctor profile checks', () => {
  it('reports the Proxmox VE version once trust and credentials are in place', async () => {
    const results = await checkProfiles(
      { lab: profile('root@pam!sim') },
      secrets('lab', '7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0001'),
      {},
    );
    expect(results.find((result) => result.id === 'api:lab')).toMatchObject({
      status: 'ok',
      message: expect.stringMatching(/^Proxmox VE \d+\.\d+\.\d+ at https:\/\/127\.0\.0\.1:\d+, as root@pam!sim$/),
    });
    expect(results.some((result) => result.id === 'privsep:lab')).toBe(false);
  });

  it('warns, with the fix, when a privilege-separated token sees an empty cluster', async () => {
    const results = await checkProfiles(
      { lab: profile('ai@pve!blind') },
      secrets('lab', '7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0003'),
      {},
    );
    const warning = results.find((result) => result.id === 'privsep:lab');
    expect(warning).toMatchObject({ status: 'warn', message: expect.stringContaining('sees an empty cluster') });
    expect(warning?.fix).toContain("pveum acl modify / --tokens 'ai@pve!blind' --roles PVEAuditor");
  });

  it('does not call the API while the certificate is untrusted', async () => {
    const results = await checkProfiles(
      { lab: { url: sim.url, tokenId: 'root@pam!sim' } },
      secrets('lab', '7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0001'),
      {},
    );
    expect(results.find((result) => result.id === 'tls:lab')).toMatchObject({
      status: 'fail',
      fix: `if it matches 'pvenode cert info' on the node: proxmox-ai config set profiles.lab.fingerprint ${sim.fingerprint}`,
    });
    expect(results.some((result) => result.id.startsWith('api:'))).toBe(false);
  });

  it('reports a refused token as the failed credential check, never as ok first', async () => {
    const results = await checkProfiles({ lab: profile('root@pam!sim') }, secrets('lab', 'wrong'), {});
    expect(results.find((result) => result.id === 'auth:lab')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('authentication failed'),
    });
    expect(results.filter((result) => result.status === 'ok').map((result) => result.id)).toEqual(['tls:lab']);
  });
});
