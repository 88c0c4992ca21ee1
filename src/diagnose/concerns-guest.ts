import type { GuestEvidence } from './evidence.js';
import type { LineMatch } from './observed-line.js';

/**
 * Whether a matched line is about this guest: it names the guest, or (a
 * node-wide line) its node, a storage or bridge it uses, or the cluster itself.
 */
export function concernsGuest(evidence: GuestEvidence, match: LineMatch): boolean {
  if (match.line.scope === 'guest') return true;
  const { groups, signature } = match;
  const storages = new Set(evidence.config?.volumes.map((volume) => volume.storage) ?? []);
  const bridges = new Set(evidence.config?.nics.map((nic) => nic.bridge) ?? []);
  return (
    signature.category === 'cluster' ||
    groups.node === evidence.guest.node ||
    (groups.storage !== undefined && storages.has(groups.storage)) ||
    (groups.bridge !== undefined && bridges.has(groups.bridge))
  );
}
