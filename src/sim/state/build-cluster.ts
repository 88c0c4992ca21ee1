import type { ResolvedScenario } from '../scenario/schema.js';
import type { HistoryTask } from '../scenario/schema-parts.js';
import type { ScenarioGuest } from '../scenario/schema-guest.js';
import type { ScenarioNode } from '../scenario/schema-node.js';
import type { ScenarioStorage } from '../scenario/schema-storage.js';
import { TaskStore } from '../tasks/task-store.js';
import { Cluster } from './cluster.js';
import { Journal } from './journal.js';
import { TaskJournal } from './task-journal.js';
import type { GuestState, NodeState, StorageState } from './model.js';
import { volumeState } from './volumes.js';

const GiB = 1024 ** 3;
const sharedTypes = new Set(['nfs', 'cifs', 'cephfs', 'rbd', 'iscsi', 'pbs']);
const defaultContent: Record<string, string[]> = {
  dir: ['iso', 'vztmpl', 'backup'],
  btrfs: ['images', 'rootdir', 'iso', 'vztmpl', 'backup'],
  nfs: ['images', 'iso', 'backup'],
  cifs: ['images', 'iso', 'backup'],
  cephfs: ['iso', 'vztmpl', 'backup'],
  iscsi: ['images'],
  pbs: ['backup'],
};

/** Turns a validated scenario into live state on the given clock; what the state may change is copied, so one scenario can back several simulators. */
export function buildCluster(scenario: ResolvedScenario, now: () => number): Cluster {
  const start = now();
  const nodes = new Map(scenario.nodes.map((node, index) => [node.name, nodeState(node, index, start)]));
  const guests = new Map(scenario.guests.map((guest) => [guest.vmid, guestState(guest, start)]));
  const journal = new Journal(now);
  const bootTimeOf = (name: string) => nodes.get(name)?.bootedAt ?? 0;
  const taskJournal = new TaskJournal(journal, nodes);
  const tasks = new TaskStore(now, bootTimeOf, taskJournal);
  const info = {
    scenarioName: scenario.name,
    clusterName: scenario.clusterName,
    quorate: scenario.quorate,
    pveVersion: scenario.pveVersion,
    repoid: 'ee7bad0a3d1546c9',
  };
  const datacenter = {
    backupJobs: scenario.backupJobs,
    pools: scenario.pools,
    firewall: scenario.firewall,
    options: scenario.clusterOptions,
  };
  const cluster = new Cluster(info, nodes, guests, journal, tasks, now, datacenter);
  for (const node of scenario.nodes) for (const task of node.tasks) importTask(tasks, node.name, '', task);
  for (const guest of scenario.guests)
    for (const task of guest.tasks) importTask(tasks, guest.node, String(guest.vmid), task);
  for (const task of tasks.all()) {
    taskJournal.started(task, task.starttime * 1000);
    taskJournal.ended(task, task.endsAt);
  }
  for (const [node, lines] of Object.entries(scenario.journal)) for (const line of lines) journal.load(node, line);
  journal.sortByTime();
  return cluster;
}

function nodeState(node: ScenarioNode, index: number, start: number): NodeState {
  return {
    name: node.name,
    index,
    online: node.status === 'online',
    cpus: node.cpus,
    memoryMiB: node.memoryMiB,
    memoryUsedMiB: node.memoryUsedMiB,
    ip: node.ip ?? `192.168.1.${11 + index}`,
    bootedAt: Math.floor(start / 1000) - (17 * 86_400 + index * 10_800 + 1_234),
    bridges: node.bridges.map((bridge) =>
      typeof bridge === 'string' ? { name: bridge, vlanAware: false, mtu: null } : { ...bridge },
    ),
    storage: new Map(node.storage.map((storage) => [storage.id, storageState(storage, start)])),
    memoryGrowthMiBPerDay: node.memoryGrowthMiBPerDay,
    updates: node.updates.map((update) => ({ ...update })),
  };
}

function storageState(storage: ScenarioStorage, start: number): StorageState {
  return {
    id: storage.id,
    type: storage.type,
    totalBytes: Math.round(storage.totalGiB * GiB),
    usedBytes: Math.round(Math.min(storage.usedGiB, storage.totalGiB) * GiB),
    content: storage.content ?? defaultContent[storage.type] ?? ['images', 'rootdir'],
    active: storage.active,
    enabled: storage.enabled,
    shared: storage.shared ?? sharedTypes.has(storage.type),
    missingVolumes: new Set(
      storage.missingVolumes.map((volume) => (volume.includes(':') ? volume : `${storage.id}:${volume}`)),
    ),
    volumes: storage.volumes.map((volume) => volumeState(storage.id, volume, start)),
    growthBytesPerDay: Math.round(storage.growthGiBPerDay * GiB),
  };
}

function guestState(guest: ScenarioGuest, start: number): GuestState {
  const running = guest.status !== 'stopped';
  const uptime = guest.uptimeSeconds ?? 3 * 86_400 + ((guest.vmid * 7_919) % 86_400);
  const snapshots = guest.snapshots.map((snapshot, index) => ({
    name: snapshot.name,
    snaptime: Math.floor(Date.parse(snapshot.snaptime) / 1000),
    description: snapshot.description,
    vmstate: snapshot.vmstate,
    parent: snapshot.parent ?? guest.snapshots[index - 1]?.name ?? null,
  }));
  return {
    vmid: guest.vmid,
    type: guest.type,
    node: guest.node,
    name: guest.name ?? (guest.type === 'qemu' ? `VM ${guest.vmid}` : `CT${guest.vmid}`),
    tags: [...guest.tags],
    lock: guest.lock,
    template: guest.template,
    config: { ...guest.config },
    pending: {},
    running,
    qmpstatus: guest.qmpstatus ?? (guest.status === 'paused' ? 'paused' : guest.status),
    startedAt: running ? Math.floor(start / 1000) - uptime : null,
    pid: running ? 1_000_000 + ((guest.vmid * 4_099) % 900_000) : null,
    agent: guest.agent,
    ha: guest.ha ? { ...guest.ha } : null,
    firewall: guest.firewall ? { ...guest.firewall } : null,
    snapshots,
    parentSnapshot: snapshots.at(-1)?.name ?? null,
  };
}

function importTask(tasks: TaskStore, node: string, defaultId: string, task: HistoryTask): void {
  const lines = [...task.log];
  const last = lines.at(-1);
  const final = last !== undefined && /^TASK (OK|WARNINGS: \d+|ERROR: .*)$/.test(last) ? lines.pop() : undefined;
  const fromLog = final === undefined ? undefined : final === 'TASK OK' ? 'OK' : final.replace(/^TASK (ERROR: )?/, '');
  const startedAt = Date.parse(task.startedAt);
  const endedAt = task.endedAt ? Date.parse(task.endedAt) : startedAt + 2_000;
  tasks.importFinished({
    node,
    type: task.type,
    id: task.id ?? defaultId,
    user: task.user,
    lines,
    exitstatus: task.status ?? fromLog ?? 'OK',
    startedAt,
    durationMs: Math.max(0, endedAt - startedAt),
  });
}
