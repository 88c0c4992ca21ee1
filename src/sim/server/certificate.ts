import crypto from 'node:crypto';
import { sha256Fingerprint } from '../../proxmox/fingerprint.js';
import {
  bitString,
  boolean,
  explicit,
  integer,
  octetString,
  oid,
  sequence,
  set,
  time,
  tlv,
  utf8String,
} from './der.js';

export interface SimCertificate {
  key: string;
  cert: string;
  /** SHA-256 of the DER certificate, `AA:BB:...`. */
  fingerprint: string;
}

const ecdsaWithSha256 = sequence(oid('1.2.840.10045.4.3.2'));
const dayMs = 86_400_000;

/**
 * A fresh self-signed X.509 v3 certificate for 127.0.0.1 and localhost,
 * standing in for a node's pve-ssl.pem. ECDSA P-256 rather than Proxmox's RSA
 * 2048: an RSA key costs about 0.5 s, which every `--demo` start would pay,
 * and TLS behaves the same. Written with a few lines of DER instead of a
 * certificate library, whose import alone cost ~130 ms per start.
 */
export async function createCertificate(now: Date): Promise<SimCertificate> {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const name = sequence(
    set(sequence(oid('2.5.4.3'), utf8String('127.0.0.1'))),
    set(sequence(oid('2.5.4.10'), utf8String('PVE Cluster Node'))),
    set(sequence(oid('2.5.4.11'), utf8String('proxmox-ai simulator'))),
  );
  const notBefore = new Date(Math.min(now.getTime(), Date.now()) - dayMs);
  const notAfter = new Date(Math.max(now.getTime(), Date.now()) + 2 * 365 * dayMs);
  const extension = (id: string, critical: boolean, value: Buffer) =>
    sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
  const altNames = sequence(tlv(0x87, Buffer.from([127, 0, 0, 1])), tlv(0x82, Buffer.from('localhost')));
  const extensions = explicit(
    3,
    sequence(
      extension('2.5.29.19', true, sequence()), // basicConstraints: not a CA
      extension('2.5.29.15', true, bitString(Buffer.from([0x80]))), // keyUsage: digitalSignature
      extension('2.5.29.37', false, sequence(oid('1.3.6.1.5.5.7.3.1'))), // extKeyUsage: serverAuth
      extension('2.5.29.17', false, altNames), // subjectAltName: IP 127.0.0.1, DNS localhost
    ),
  );
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(crypto.randomBytes(16)),
    ecdsaWithSha256,
    name,
    sequence(time(notBefore), time(notAfter)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions,
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const der = sequence(tbs, ecdsaWithSha256, bitString(signature));
  const cert = `-----BEGIN CERTIFICATE-----\n${der
    .toString('base64')
    .match(/.{1,64}/g)!
    .join('\n')}\n-----END CERTIFICATE-----\n`;
  return {
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    cert,
    fingerprint: sha256Fingerprint(der),
  };
}
