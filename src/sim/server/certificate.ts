import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { sha256Fingerprint } from '../../proxmox/fingerprint.js';

export interface SimCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, `AA:BB:...`. */
  fingerprint: string;
}

/**
 * A fresh self-signed certificate for 127.0.0.1 and localhost, standing in
 * for a node's pve-ssl.pem.
 * ECDSA P-256 rather than Proxmox's RSA 2048: generating an RSA key costs
 * about 0.5 s, which every `--demo` start would pay; TLS behaves the same.
 */
export async function createCertificate(now: Date): Promise<SimCertificate> {
  // The key is generated on the thread pool while the certificate library loads.
  const [{ generate }, keyPair] = await Promise.all([
    import('selfsigned'),
    promisify(crypto.generateKeyPair)('ec', {
      namedCurve: 'P-256',
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }),
  ]);
  const notBeforeDate = new Date(Math.min(now.getTime(), Date.now()) - 86_400_000);
  const notAfterDate = new Date(Math.max(now.getTime(), Date.now()) + 2 * 365 * 86_400_000);
  const pems = await generate(
    [
      { name: 'commonName', value: '127.0.0.1' },
      { name: 'organizationName', value: 'PVE Cluster Node' },
      { shortName: 'OU', value: 'proxmox-ai simulator' },
    ],
    {
      keyPair: { privateKey: keyPair.privateKey, publicKey: keyPair.publicKey },
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate,
      notAfterDate,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
      ],
    },
  );
  const der = new crypto.X509Certificate(pems.cert).raw;
  return { key: pems.private, cert: pems.cert, fingerprint: sha256Fingerprint(der) };
}
