import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedProfile } from '../../src/config/profile.js';
import { createProxmoxClient } from '../../src/proxmox/client.js';
import { ProxmoxTlsChangedError, ProxmoxTlsUntrustedError } from '../../src/proxmox/errors.js';
import { probeTls } from '../../src/proxmox/tls-probe.js';
import { loadTrust } from '../../src/proxmox/tls-trust.js';
import { pemFile, testCluster, type TestCluster } from './support/certs.js';
import { answerJson, startHttpsPeer, type HttpsPeer } from './support/https-peer.js';
import { rejectionOf } from './support/thrown.js';

// A cluster CA and node certificates like pve-root-ca.pem / pve-ssl.pem, on a local HTTPS peer.
let cluster: TestCluster;
let strangers: TestCluster;
let node: HttpsPeer;
let misnamed: HttpsPeer;

const version = { data: { version: '9.1.9', release: '9.1', repoid: 'ee7bad0a3d1546c9' } };

beforeAll(async () => {
  [cluster, strangers] = await Promise.all([testCluster(), testCluster()]);
  node = await startHttpsPeer(cluster.node, (_request, _index, response) => answerJson(response, 200, version));
  misnamed = await startHttpsPeer(cluster.otherNode, (_request, _index, response) =>
    answerJson(response, 200, version),
  );
});

afterAll(async () => {
  await node.close();
  await misnamed.close();
});

async function versionVia(profile: Omit<ResolvedProfile, 'name' | 'tokenId' | 'tokenSecret'>) {
  const client = createProxmoxClient({ name: 'lab', tokenId: 'root@pam!ai', tokenSecret: 'secret', ...profile });
  try {
    return await client.cluster.version();
  } finally {
    await client.close();
  }
}

describe('TLS trust of the API host', () => {
  it("trusts a node certificate signed by the profile's CA file", async () => {
    await expect(versionVia({ url: node.url, caFile: pemFile(cluster.ca.cert) })).resolves.toMatchObject({
      version: '9.1.9',
    });
  });

  it('refuses a CA-signed certificate that does not name the host, and sends nothing', async () => {
    const before = misnamed.requests.length;
    const error = await rejectionOf(versionVia({ url: misnamed.url, caFile: pemFile(cluster.ca.cert) }));
    expect(error).toBeInstanceOf(ProxmoxTlsUntrustedError);
    expect(error.message).toContain(cluster.otherNode.fingerprint);
    expect(misnamed.requests.length).toBe(before);
  });

  it('refuses a certificate from another CA', async () => {
    await expect(versionVia({ url: node.url, caFile: pemFile(strangers.ca.cert) })).rejects.toBeInstanceOf(
      ProxmoxTlsUntrustedError,
    );
  });

  it('on first contact names the fingerprint and the exact command that trusts it', async () => {
    const error = await rejectionOf(versionVia({ url: node.url }));
    expect(error).toBeInstanceOf(ProxmoxTlsUntrustedError);
    expect(error.message).toContain(`proxmox-ai config set profiles.lab.fingerprint ${cluster.node.fingerprint}`);
    expect(error.message).not.toContain('\n');
  });

  it('trusts a pinned fingerprint even though no CA vouches for the certificate', async () => {
    await expect(versionVia({ url: misnamed.url, fingerprint: cluster.otherNode.fingerprint })).resolves.toMatchObject({
      version: '9.1.9',
    });
  });

  it('refuses a changed certificate loudly, naming both fingerprints', async () => {
    const before = node.requests.length;
    const error = await rejectionOf(versionVia({ url: node.url, fingerprint: cluster.otherNode.fingerprint }));
    expect(error).toBeInstanceOf(ProxmoxTlsChangedError);
    expect(error.message).toMatch(/^REFUSED: /);
    expect(error.message).toContain(
      `presents certificate ${cluster.node.fingerprint}, but profile 'lab' pins ${cluster.otherNode.fingerprint}`,
    );
    expect(node.requests.length).toBe(before);
  });
});

describe('probeTls', () => {
  it('reports the same decisions without sending a request', async () => {
    const before = node.requests.length;
    expect(await probeTls(node.url, loadTrust({ name: 'lab', caFile: pemFile(cluster.ca.cert) }))).toMatchObject({
      kind: 'trusted',
      by: 'ca-file',
    });
    expect(await probeTls(node.url, { kind: 'system-ca' })).toMatchObject({
      kind: 'untrusted',
      fingerprint: cluster.node.fingerprint,
    });
    expect(await probeTls(node.url, { kind: 'pinned', fingerprint: cluster.otherNode.fingerprint })).toEqual({
      kind: 'changed',
      fingerprint: cluster.node.fingerprint,
      pinned: cluster.otherNode.fingerprint,
    });
    expect(node.requests.length).toBe(before);
  });
});
