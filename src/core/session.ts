import type { AuditActor, AuditOrigin } from '../audit/index.js';

/** Who is calling, from where: stamped on every audit record of a session. */
export interface SessionInfo {
  id: string;
  origin: AuditOrigin;
  actor: AuditActor;
  profile: string;
  cluster: string | null;
}

/** `s_` + 12 base32 characters: short enough for snapshot names (`pai-<session>-<seq>`). */
export function newSessionId(random: (size: number) => Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return `s_${Array.from(random(12), (byte) => alphabet[byte % 32]).join('')}`;
}
