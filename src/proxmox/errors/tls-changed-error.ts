import { ProxmoxError } from './proxmox-error.js';

/** The server shows a certificate other than the pinned one: a renewal, or someone in the middle. */
export class ProxmoxTlsChangedError extends ProxmoxError {
  readonly fingerprint: string;
  readonly pinned: string;

  constructor(profile: string, url: string, fingerprint: string, pinned: string) {
    super(
      'proxmox.tls.changed',
      `REFUSED: ${url} presents certificate ${fingerprint}, but profile '${profile}' pins ${pinned}. Nothing was sent. If the node's certificate was renewed ('pvenode cert info' shows the new one), pin it: proxmox-ai config set profiles.${profile}.fingerprint ${fingerprint}`,
    );
    this.name = 'ProxmoxTlsChangedError';
    this.fingerprint = fingerprint;
    this.pinned = pinned;
  }
}
