import { name } from './analyzers/words.js';
import type { Finding, GuestDiagnosis } from './finding.js';

/** `101 (db-01) on pve1, stopped` */
export function guestHeading(diagnosis: Pick<GuestDiagnosis, 'vmid' | 'name' | 'node' | 'status'>): string {
  return `${diagnosis.vmid}${diagnosis.name ? ` (${name(diagnosis.name)})` : ''} on ${diagnosis.node}, ${diagnosis.status}`;
}

/** `bridge-missing (network, confirmed)` */
export function headline(finding: Pick<Finding, 'id' | 'category' | 'confidence'>): string {
  return `${finding.id} (${finding.category}, ${finding.confidence})`;
}
