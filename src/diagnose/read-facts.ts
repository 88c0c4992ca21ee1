import type { BridgeFact, GuestFacts, StorageFact, TaskFact } from './evidence.js';
import type {
  interfaceSchema,
  ResourceGuest,
  statusCurrentSchema,
  storageSchema,
  WireTask,
} from '../proxmox/schemas/evidence.js';
import type { z } from 'zod';

/** Turns parsed API answers into the facts analyzers use. */

export function guestFacts(
  resource: ResourceGuest,
  status: z.infer<typeof statusCurrentSchema> | undefined,
): GuestFacts {
  const raw = status?.status ?? resource.status ?? 'unknown';
  const qmpstatus = status?.qmpstatus;
  return {
    vmid: resource.vmid,
    node: resource.node,
    type: resource.type,
    name: status?.name ?? resource.name ?? null,
    status: shownStatus(raw, qmpstatus),
    qmpstatus,
    lock: status ? status.lock : resource.lock,
    template: Boolean(status?.template ?? resource.template),
    haManaged: Boolean(status?.ha?.managed) || resource.hastate !== undefined,
    haState: status?.ha?.state ?? resource.hastate,
    maxmem: status?.maxmem ?? resource.maxmem,
  };
}

/** A running VM that QEMU reports paused (io-error included) is shown as paused. */
function shownStatus(status: string, qmpstatus: string | undefined): string {
  if (status !== 'running' || qmpstatus === undefined || qmpstatus === 'running') return status;
  return qmpstatus === 'io-error' ? 'paused' : qmpstatus;
}

export function taskFacts(items: readonly WireTask[]): TaskFact[] {
  return items
    .map((task) => {
      const status = task.status ?? 'RUNNING';
      const running = status === 'RUNNING';
      return {
        upid: task.upid,
        type: task.type,
        user: task.tokenid ? `${task.user}!${task.tokenid}` : task.user,
        starttime: task.starttime,
        endtime: task.endtime,
        status,
        running,
        failed: !running && status !== 'OK' && !status.startsWith('WARNINGS'),
        log: undefined,
      };
    })
    .sort((a, b) => b.starttime - a.starttime);
}

const startTypes = new Set(['qmstart', 'vzstart', 'hastart']);

/** Failed tasks that still matter: no later success of the same type, and no failed start of a guest that runs now. */
export function currentFailures(tasks: readonly TaskFact[], guestStatus: string, limit = 3): TaskFact[] {
  const current: TaskFact[] = [];
  const succeeded = new Set<string>();
  for (const task of tasks) {
    if (!task.failed && !task.running) succeeded.add(task.type);
    if (!task.failed || succeeded.has(task.type)) continue;
    if (startTypes.has(task.type) && guestStatus !== 'stopped') continue;
    current.push(task);
  }
  return current.slice(0, limit);
}

export function interfaceFacts(items: ReadonlyArray<z.infer<typeof interfaceSchema>>): BridgeFact[] {
  return items.map((item) => ({
    name: item.iface,
    type: item.type,
    active: item.active !== false,
    ports: (item.bridge_ports ?? item.ovs_ports ?? '').split(/\s+/).filter((port) => port !== '' && port !== 'none'),
    vlanAware: Boolean(item.bridge_vlan_aware),
    mtu: item.mtu,
  }));
}

export function isBridge(iface: BridgeFact): boolean {
  return iface.type === 'bridge' || iface.type === 'OVSBridge';
}

export function storageFacts(items: ReadonlyArray<z.infer<typeof storageSchema>>): StorageFact[] {
  return items.map((item) => ({
    id: item.storage,
    type: item.type,
    active: item.active !== false,
    enabled: item.enabled !== false,
    total: item.total ?? 0,
    used: item.used ?? 0,
    content: (item.content ?? '').split(',').filter(Boolean),
    volumes: undefined,
    contentError: undefined,
  }));
}

export function usedFraction(storage: StorageFact): number | undefined {
  return storage.active && storage.total > 0 ? storage.used / storage.total : undefined;
}
