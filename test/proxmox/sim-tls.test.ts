import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../src/config/profile.js';
import { createProxmoxClient } from '../../src/proxmox/client.js';
import { ProxmoxTlsChangedError, ProxmoxTlsUntrustedError } from '../../src/proxmox/errors.js';
import { pemFile } from './support/certs.js';
import { startDemo, tokenProfile, type Simulator } from './support/sim.js';
import { rejectionOf } from './support/thrown.js';

// The simulator makes a fresh certificate each start: a second one stands in for a changed certificate.
let sim: Simulator;
let other: Simulator;

beforeAll(async () => {
  [sim, other] = await Promise.all([startDemo(), startDemo()]);
});

afterAll(async () => {
  await sim.close();
  await other.close();
});

async function nodesVia(profile: ResolvedProfile) {
  const client = createProxmoxClient(profile);
  try {
    return await client.nodes.list();
  } finally {
    await client.close();
  }
}

describe('TLS trust against the simulator', () => {
  it('connects with the pinned fingerprint', async () => {
    await expect(nodesVia(tokenProfile(sim))).resolves.toHaveLength(2);
  });

  it('connects with its certificate as the CA file', async () => {
    await expect(
      nodesVia(tokenProfile(sim, { fingerprint: undefined, caFile: pemFile(sim.certificatePem) })),
    ).resolves.toHaveLength(2);
  });

  it('stops on first contact and shows the command that pins the fingerprint', async () => {
    const error = await rejectionOf(nodesVia(tokenProfile(sim, { name: 'home', fingerprint: undefined })));
    expect(error).toBeInstanceOf(ProxmoxTlsUntrustedError);
    expect(error.message).toContain(`proxmox-ai config set profiles.home.fingerprint ${sim.fingerprint}`);
  });

  it('refuses a changed certificate, naming both fingerprints', async () => {
    const error = await rejectionOf(nodesVia(tokenProfile(sim, { fingerprint: other.fingerprint })));
    expect(error).toBeInstanceOf(ProxmoxTlsChangedError);
    expect(error.message).toContain(sim.fingerprint);
    expect(error.message).toContain(other.fingerprint);
  });

  it("refuses another server's certificate as the CA file", async () => {
    const profile = tokenProfile(sim, { fingerprint: undefined, caFile: pemFile(other.certificatePem) });
    await expect(nodesVia(profile)).rejects.toBeInstanceOf(ProxmoxTlsUntrustedError);
  });
});
