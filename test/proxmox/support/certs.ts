import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { sha256Fingerprint } from '../../../src/proxmox/fingerprint.js';

export interface TestCertificate {
  key: string;
  cert: string;
  fingerprint: string;
}

export interface TestCluster {
  /** Like a cluster's pve-root-ca.pem. */
  ca: TestCertificate;
  /** Like pve-ssl.pem: signed by the CA, SANs 127.0.0.1 and pve1. */
  node: TestCertificate;
  /** Signed by the CA but naming only pve2: wrong for 127.0.0.1. */
  otherNode: TestCertificate;
}

const ec = { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as const;

export async function testCluster(): Promise<TestCluster> {
  const ca = await generate([{ name: 'commonName', value: 'Proxmox Virtual Environment' }], {
    ...ec,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const signed = async (names: Array<{ type: 2; value: string } | { type: 7; ip: string }>) =>
    withFingerprint(
      await generate([{ name: 'commonName', value: 'pve node' }], {
        ...ec,
        ca: { key: ca.private, cert: ca.cert },
        extensions: [
          { name: 'basicConstraints', cA: false },
          { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
          { name: 'extKeyUsage', serverAuth: true },
          { name: 'subjectAltName', altNames: names },
        ],
      }),
    );
  return {
    ca: withFingerprint(ca),
    node: await signed([
      { type: 7, ip: '127.0.0.1' },
      { type: 2, value: 'pve1' },
    ]),
    otherNode: await signed([{ type: 2, value: 'pve2' }]),
  };
}

export function pemFile(pem: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-ca-'));
  const file = path.join(dir, 'pve-root-ca.pem');
  fs.writeFileSync(file, pem);
  return file;
}

function withFingerprint(pems: { private: string; cert: string }): TestCertificate {
  return {
    key: pems.private,
    cert: pems.cert,
    fingerprint: sha256Fingerprint(new crypto.X509Certificate(pems.cert).raw),
  };
}
