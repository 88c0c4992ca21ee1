import type { Cluster } from '../state/cluster.js';
import { guestDisks } from '../state/guest-config.js';
import type { GuestState } from '../state/model.js';

/**
 * A guest with a disk on a full LVM thin pool starts, then pauses on the
 * first failed write: QEMU's default error policy stops it with `io-error`.
 */
export function onFullThinPool(cluster: Cluster, guest: GuestState): boolean {
  const node = cluster.nodes.get(guest.node);
  return guestDisks(guest.type, guest.config).some((disk) => {
    const storage = node?.storage.get(disk.storage);
    return (
      storage !== undefined &&
      storage.type === 'lvmthin' &&
      storage.totalBytes > 0 &&
      storage.usedBytes >= storage.totalBytes
    );
  });
}

/** The guest runs from `atMs` (sim clock) on. */
export function markRunning(cluster: Cluster, guest: GuestState, atMs: number): void {
  guest.running = true;
  guest.qmpstatus = guest.type === 'qemu' && onFullThinPool(cluster, guest) ? 'io-error' : 'running';
  guest.startedAt = Math.floor(atMs / 1000);
  guest.pid = 1_000_000 + ((guest.vmid * 4_099 + guest.startedAt) % 900_000);
}

export function markStopped(guest: GuestState): void {
  guest.running = false;
  guest.qmpstatus = 'stopped';
  guest.startedAt = null;
  guest.pid = null;
}
