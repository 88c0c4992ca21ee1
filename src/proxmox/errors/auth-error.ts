import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

export type Credential = { kind: 'token'; tokenId: string } | { kind: 'password'; username: string };

/** 401: Proxmox did not accept the profile's token or password (or a ticket could not be renewed). */
export class ProxmoxAuthError extends ProxmoxError {
  readonly profile: string;
  readonly reason: string;

  constructor(profile: string, credential: Credential, reason: string, call?: ProxmoxCall) {
    super(
      'proxmox.auth',
      `authentication failed for profile '${profile}' on ${describeCall(call)} (${reason}); ${fixFor(profile, credential)}`,
      call,
    );
    this.name = 'ProxmoxAuthError';
    this.profile = profile;
    this.reason = reason;
  }
}

function fixFor(profile: string, credential: Credential): string {
  return credential.kind === 'token'
    ? `check that token ${credential.tokenId} exists ('pveum user token list ${credential.tokenId.split('!')[0]}') and set its secret: proxmox-ai config set profiles.${profile}.tokenSecret SECRET`
    : `check the user ${credential.username} and set its password: proxmox-ai config set profiles.${profile}.password PASSWORD`;
}
