import { ProxmoxError } from './proxmox-error.js';

/** First contact with a certificate nothing vouches for: the user decides, by pinning its fingerprint. */
export class ProxmoxTlsUntrustedError extends ProxmoxError {
  readonly fingerprint: string;

  constructor(profile: string, url: string, fingerprint: string, reason: string) {
    super(
      'proxmox.tls.untrusted',
      `the certificate of ${url} is not trusted (${reason}); SHA-256 fingerprint ${fingerprint}. If 'pvenode cert info' on the node shows the same fingerprint, trust it with: proxmox-ai config set profiles.${profile}.fingerprint ${fingerprint}`,
    );
    this.name = 'ProxmoxTlsUntrustedError';
    this.fingerprint = fingerprint;
  }
}
