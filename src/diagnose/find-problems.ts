import { diagnoseGuest } from './diagnose-guest.js';
import type { EvidenceReader } from './evidence-reader.js';
import type { Finding, NodeProblems, ProblemsReport } from './finding.js';
import { clusterGuests } from './find-guest.js';
import { gatherGuestEvidence } from './gather-guest-evidence.js';
import { fullFraction } from './analyzers/storage-full.js';
import { mapLimited } from './map-limited.js';
import { nodeFindings } from './node-findings.js';
import { severityOf } from './rank.js';
import { troubledGuests } from './troubled-guests.js';
import {
  clusterStatusSchema,
  nodeListSchema,
  parseList,
  qemuListSchema,
  storageResourceSchema,
  taskSchema,
} from '../proxmox/schemas/evidence.js';

export interface FindProblemsOptions {
  /** Only this node's guests and problems. */
  node?: string;
  /** Guest diagnoses running at once. */
  concurrency?: number;
}

/**
 * Problems only, most severe first. Cheap cluster-wide reads pick the guests
 * that show trouble; only those get a full diagnosis (task logs, journal).
 */
export async function findProblems(reader: EvidenceReader, options: FindProblemsOptions = {}): Promise<ProblemsReport> {
  const [guests, nodeList, storageList, statusList, taskList] = await Promise.all([
    clusterGuests(reader),
    reader.read<unknown>('/nodes'),
    reader.read<unknown>('/cluster/resources', { type: 'storage' }),
    reader.read<unknown>('/cluster/status'),
    reader.read<unknown>('/cluster/tasks'),
  ]);
  const inScope = (node: string) => options.node === undefined || node === options.node;
  const nodes = parseList(nodeListSchema, nodeList.ok ? nodeList.data : []).filter((entry) => inScope(entry.node));
  const online = nodes.filter((entry) => entry.status === 'online').map((entry) => entry.node);
  const storages = parseList(storageResourceSchema, storageList.ok ? storageList.data : []);
  // QEMU states cost a QMP query per VM; they are read where a VM is likely paused: on nodes with a storage in trouble.
  const suspect = online.filter((node) =>
    storages.some((storage) => storage.node === node && storageInTrouble(storage)),
  );
  const qemuLists = await Promise.all(suspect.map((node) => reader.read<unknown>(`/nodes/${node}/qemu`, { full: 1 })));
  const qmpstatus = new Map(
    qemuLists.flatMap((answer) =>
      parseList(qemuListSchema, answer.ok ? answer.data : []).flatMap((vm) =>
        vm.qmpstatus ? [[vm.vmid, vm.qmpstatus] as const] : [],
      ),
    ),
  );
  const troubled = troubledGuests({
    guests: guests.filter((guest) => inScope(guest.node)),
    nodeMemory: new Map(nodes.flatMap((entry) => (entry.maxmem ? [[entry.node, entry.maxmem] as const] : []))),
    offlineNodes: new Set(nodes.filter((entry) => entry.status !== 'online').map((entry) => entry.node)),
    tasks: parseList(taskSchema, taskList.ok ? taskList.data : []),
    qmpstatus,
  });
  const diagnosed = await mapLimited(troubled, options.concurrency ?? 8, async (guest) =>
    diagnoseGuest(await gatherGuestEvidence(reader, guest.vmid, guest.node)),
  );
  const members = parseList(clusterStatusSchema, statusList.ok ? statusList.data : []);
  const quorumLost = members.find((entry) => entry.type === 'cluster')?.quorate === false;
  const reporting = members.find((entry) => entry.type === 'node' && entry.local)?.name ?? online[0];
  // A shared storage is listed once per node; its problem is reported once, by the first node listing it.
  const sharedBy = new Map<string, string>();
  for (const storage of storages)
    if (storage.shared && !sharedBy.has(storage.storage)) sharedBy.set(storage.storage, storage.node);
  const nodeProblems: NodeProblems[] = nodes.map((entry) => ({
    node: entry.node,
    findings: nodeFindings(
      entry.node,
      entry.status === 'online',
      storages.filter(
        (storage) => storage.node === entry.node && (!storage.shared || sharedBy.get(storage.storage) === entry.node),
      ),
      quorumLost && entry.node === reporting,
    ),
  }));
  return {
    nodes: bySeverity(
      nodeProblems.filter((entry) => entry.findings.length > 0),
      (entry) => entry.node,
    ),
    guests: bySeverity(
      diagnosed.filter((guest) => guest.findings.length > 0),
      (guest) => String(guest.vmid).padStart(10, '0'),
    ),
  };
}

function storageInTrouble(storage: { status: string; used: number | undefined; total: number | undefined }): boolean {
  return (
    storage.status !== 'available' ||
    (storage.total !== undefined && storage.total > 0 && (storage.used ?? 0) / storage.total >= fullFraction)
  );
}

function worst(findings: readonly Finding[]): number {
  return Math.max(0, ...findings.map(severityOf));
}

/** The most likely finding decides how severe an entry is; the worst of the others breaks ties. */
function bySeverity<T extends { findings: Finding[] }>(items: T[], key: (item: T) => string): T[] {
  const top = (item: T) => (item.findings[0] ? severityOf(item.findings[0]) : 0);
  return items.sort((a, b) => top(b) - top(a) || worst(b.findings) - worst(a.findings) || key(a).localeCompare(key(b)));
}
