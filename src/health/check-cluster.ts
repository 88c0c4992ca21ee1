import type { ProxmoxApi } from '../core/ports/proxmox-api.js';
import type { EvidenceReader } from '../diagnose/evidence-reader.js';
import { findProblems } from '../diagnose/find-problems.js';
import { backupFindings } from './backup-findings.js';
import { backupInventory } from './backup-inventory.js';
import { memoryFindings, storageFindings } from './capacity-findings.js';
import { rateProblems, type RatedGuest, type RatedNode } from './diagnosis-severity.js';
import type { HealthFinding } from './health-finding.js';
import { postureFindings } from './posture-findings.js';
import { readBackupFacts, guestFact } from './read-backup-facts.js';
import { readPostureFacts } from './read-posture-facts.js';
import { readBasics, type ClusterBasics } from './read-basics.js';
import { readStorageTrends } from './read-storage-trends.js';
import { atLeast, mostSevereFirst, type Severity } from './severity.js';

export const problemKinds = ['node', 'guest', 'backup', 'capacity', 'posture'] as const;
export type ProblemKind = (typeof problemKinds)[number];

export interface ClusterCheckOptions {
  node?: string;
  kinds?: readonly ProblemKind[];
  /** The least severe to report. */
  severity?: Severity;
  signal?: AbortSignal;
  /** This machine's clock, used when the cluster's cannot be read. */
  now?: () => Date;
}

/** `find_problems`' answer: failing nodes and guests (the diagnosis) and the backup, capacity and posture lists. */
export interface ClusterReport {
  nodes: RatedNode[];
  guests: RatedGuest[];
  backups: HealthFinding[];
  capacity: HealthFinding[];
  posture: HealthFinding[];
}

/** Everything wrong or risky in the cluster (or about one node), each with a severity, most severe first. */
export async function checkCluster(
  api: ProxmoxApi,
  reader: EvidenceReader,
  options: ClusterCheckOptions = {},
): Promise<ClusterReport> {
  const wants = (kind: ProblemKind) => options.kinds === undefined || options.kinds.includes(kind);
  const diagnosis =
    wants('node') || wants('guest')
      ? findProblems(reader, options.node ? { node: options.node } : {})
      : Promise.resolve({ nodes: [], guests: [] });
  const health =
    wants('backup') || wants('capacity') || wants('posture') ? healthLists(api, wants, options) : undefined;
  const [problems, lists] = await Promise.all([diagnosis, health]);
  const rated = rateProblems(problems);
  const minimum = options.severity ?? 'info';
  const keep = <T extends { severity: Severity }>(items: T[]) =>
    items.filter((item) => atLeast(item.severity, minimum));
  const keepFindings = <T extends { findings: Array<{ severity: Severity }> }>(items: T[]) =>
    items.map((item) => ({ ...item, findings: keep(item.findings) })).filter((item) => item.findings.length > 0);
  return {
    nodes: wants('node') ? keepFindings(rated.nodes) : [],
    guests: wants('guest') ? keepFindings(rated.guests) : [],
    backups: mostSevereFirst(keep(lists?.backups ?? [])),
    capacity: mostSevereFirst(keep(lists?.capacity ?? [])),
    posture: mostSevereFirst(keep(lists?.posture ?? [])),
  };
}

async function healthLists(
  api: ProxmoxApi,
  wants: (kind: ProblemKind) => boolean,
  options: ClusterCheckOptions,
): Promise<Pick<ClusterReport, 'backups' | 'capacity' | 'posture'>> {
  const call = options.signal ? { signal: options.signal } : {};
  const scope = {
    storages: wants('backup') || wants('capacity'),
    fallbackNow: options.now ?? (() => new Date()),
    ...(options.node ? { node: options.node } : {}),
  };
  const basics = await readBasics(api, scope, call);
  const [backups, capacity, posture] = await Promise.all([
    wants('backup') ? readBackupFacts(api, basics, call).then((facts) => backupFindings(backupInventory(facts))) : [],
    wants('capacity') ? capacityList(api, basics, call) : [],
    wants('posture') ? postureList(api, basics, call, options.node) : [],
  ]);
  return { backups, capacity, posture };
}

async function capacityList(
  api: ProxmoxApi,
  { nodes, online, guests, storages }: ClusterBasics,
  call: { signal?: AbortSignal },
): Promise<HealthFinding[]> {
  const trends = await readStorageTrends(api, storages, call);
  const memory = nodes
    .filter((node) => online.includes(node.node))
    .map((node) => ({ node: node.node, memoryBytes: node.maxmem ?? 0 }));
  return [
    ...storageFindings(trends),
    ...memoryFindings(
      memory,
      guests.map((guest) => ({ ...guestFact(guest), maxmemBytes: guest.maxmem ?? 0 })),
    ),
  ];
}

async function postureList(
  api: ProxmoxApi,
  { guests, online }: ClusterBasics,
  call: { signal?: AbortSignal },
  node: string | undefined,
): Promise<HealthFinding[]> {
  const facts = await readPostureFacts(api, guests, online, call);
  const findings = postureFindings(node === undefined ? facts : { ...facts, accounts: [] });
  if (facts.unchecked.length === 0) return findings;
  return [
    ...findings,
    {
      kind: 'posture',
      id: 'posture-unchecked',
      severity: 'info',
      subject: 'these checks',
      summary: `Not checked: ${facts.unchecked.slice(0, 5).join('; ')}${facts.unchecked.length > 5 ? '; ...' : ''}.`,
      why: 'A check that could not read its facts proves nothing either way.',
      fix: 'Give the token Sys.Audit on / (and Sys.Modify on /nodes for pending updates) or run the check as a user who has it.',
    },
  ];
}
