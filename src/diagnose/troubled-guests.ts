import { currentFailures, taskFacts } from './read-facts.js';
import type { ResourceGuest, WireTask } from '../proxmox/schemas/evidence.js';

const troubledHa = new Set(['error', 'fence', 'recovery']);
const troubledQmp = new Set(['io-error', 'internal-error', 'guest-panicked']);

export interface ClusterSnapshot {
  guests: readonly ResourceGuest[];
  /** Node name -> its total memory in bytes. */
  nodeMemory: ReadonlyMap<string, number>;
  offlineNodes: ReadonlySet<string>;
  tasks: readonly WireTask[];
  /** vmid -> qmpstatus, from the nodes' VM lists. */
  qmpstatus: ReadonlyMap<number, string>;
}

/**
 * The guests worth a full diagnosis, from what one cheap read per kind shows:
 * a lock, an HA error, a QEMU I/O error, more memory than the node has, or a
 * failed task that still matters. Guests of offline nodes are the node's problem.
 */
export function troubledGuests(snapshot: ClusterSnapshot): ResourceGuest[] {
  const tasksOf = new Map<string, WireTask[]>();
  for (const task of snapshot.tasks) {
    if (!task.id) continue;
    tasksOf.set(task.id, [...(tasksOf.get(task.id) ?? []), task]);
  }
  return snapshot.guests.filter((guest) => {
    if (snapshot.offlineNodes.has(guest.node)) return false;
    if (guest.lock || (guest.hastate && troubledHa.has(guest.hastate))) return true;
    if (troubledQmp.has(snapshot.qmpstatus.get(guest.vmid) ?? '')) return true;
    const nodeMemory = snapshot.nodeMemory.get(guest.node);
    if (guest.type === 'qemu' && nodeMemory !== undefined && (guest.maxmem ?? 0) > nodeMemory) return true;
    const tasks = tasksOf.get(String(guest.vmid));
    return (
      tasks !== undefined &&
      currentFailures(
        taskFacts(tasks.filter((task) => task.node === undefined || task.node === guest.node)),
        guest.status ?? 'unknown',
      ).length > 0
    );
  });
}
