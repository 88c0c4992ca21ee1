import type { Target } from './tool.js';

/** "VM 101 (db-01)" or "CT 200 (dns)": how a guest target is named to people and models. */
export function guestLabel(target: Pick<Target, 'vmid' | 'name' | 'guestType'>): string {
  return `${target.guestType === 'lxc' ? 'CT' : 'VM'} ${target.vmid}${target.name ? ` (${target.name})` : ''}`;
}
