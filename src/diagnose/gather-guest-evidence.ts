import type { GuestEvidence, NodeFacts, PermissionFact, ReadFailure, StorageFact, TaskFact } from './evidence.js';
import type { EvidenceReader, ReadOutcome } from './evidence-reader.js';
import type { EvidenceSource } from './finding.js';
import { findGuest } from './find-guest.js';
import { readGuestConfig, rawConfig, type GuestConfigFacts } from './guest-config.js';
import { readContents } from './read-contents.js';
import { readDevices } from './read-devices.js';
import { currentFailures, guestFacts, interfaceFacts, storageFacts, taskFacts } from './read-facts.js';
import { permissionQuestions } from './permission-questions.js';
import { signatureBook } from './signature-book.js';
import {
  clusterStatusSchema,
  haStatusSchema,
  interfaceSchema,
  logLineSchema,
  nodeStatusSchema,
  parseList,
  parseOne,
  permissionsSchema,
  statusCurrentSchema,
  storageSchema,
  taskSchema,
  type ResourceGuest,
} from '../proxmox/schemas/evidence.js';

const journalMarginSeconds = 600;
/** The kernel and the daemons log a failure up to a few seconds after the task records it. */
const windowBeforeSeconds = 2;
const windowAfterSeconds = 5;
const newestJournalLines = 200;

/** Reads everything a diagnosis of one guest needs, through the ProxmoxApi port; failed reads become evidence. */
export async function gatherGuestEvidence(reader: EvidenceReader, vmid: number, node?: string): Promise<GuestEvidence> {
  const { guest: resource, all } = await findGuest(reader, vmid, node);
  const failures: ReadFailure[] = [];
  const take = <T>(source: EvidenceSource, path: string, answer: ReadOutcome<T>): T | undefined => {
    if (answer.ok) return answer.data;
    failures.push({ path, source, message: answer.message });
    return undefined;
  };
  const read = async <T>(source: EvidenceSource, path: string, params: Record<string, string | number> = {}) =>
    take<T>(source, path, await reader.read<T>(path, params));

  const base = `/nodes/${resource.node}/${resource.type}/${resource.vmid}`;
  const nodePath = `/nodes/${resource.node}`;
  const [status, configData, nodeStatus, network, storageList, taskList, clusterStatus] = await Promise.all([
    read<unknown>('status', `${base}/status/current`),
    read<unknown>('config', `${base}/config`),
    read<unknown>('node-status', `${nodePath}/status`),
    read<unknown>('node-network', `${nodePath}/network`),
    read<unknown>('storage', `${nodePath}/storage`),
    read<unknown>('tasks', `${nodePath}/tasks`, { vmid: resource.vmid, source: 'all', limit: 50 }),
    read<unknown>('cluster', '/cluster/status'),
  ]);
  const guest = guestFacts(resource, parseOne(statusCurrentSchema, status));
  const config =
    configData === undefined
      ? undefined
      : readGuestConfig(resource.type, rawConfig((configData ?? {}) as Record<string, unknown>));
  const tasks = taskFacts(parseList(taskSchema, taskList));
  const failing = currentFailures(tasks, guest.status);
  const members = parseList(clusterStatusSchema, clusterStatus);
  const storage = storageList === undefined ? undefined : storageFacts(parseList(storageSchema, storageList));

  const newest = failing[0];
  const [journal, near, haStatus, agentAnswer, logs] = await Promise.all([
    read<string[]>('journal', `${nodePath}/journal`, journalWindow(failing)),
    newest
      ? read<string[]>('journal', `${nodePath}/journal`, {
          since: newest.starttime - windowBeforeSeconds,
          until: (newest.endtime ?? newest.starttime) + windowAfterSeconds,
        })
      : Promise.resolve(undefined),
    guest.haManaged ? read<unknown>('ha', '/cluster/ha/status/current') : Promise.resolve(undefined),
    agentWanted(guest.type, guest.status, config)
      ? reader.read<unknown>(`${base}/agent/get-osinfo`)
      : Promise.resolve(undefined),
    Promise.all(
      failing.map((task) =>
        read<unknown>('task-log', `${nodePath}/tasks/${encodeURIComponent(task.upid)}/log`, { start: 0, limit: 1000 }),
      ),
    ),
    readContents(read, resource, config, storage),
  ]);
  const devices = await readDevices(reader, resource.node, config);
  failing.forEach((task, index) => {
    task.log = parseList(logLineSchema, logs[index])
      .map((line) => line.t)
      .filter((line) => line !== 'no content');
  });
  if (agentAnswer && !agentAnswer.ok)
    failures.push({ path: `${base}/agent/get-osinfo`, source: 'agent', message: agentAnswer.message });
  const haState = parseList(haStatusSchema, haStatus).find(
    (entry) => entry.sid === `${resource.type === 'qemu' ? 'vm' : 'ct'}:${resource.vmid}`,
  );
  const nodeFacts = buildNodeFacts(resource, all, members, parseOne(nodeStatusSchema, nodeStatus), network, storage);
  nodeFacts.devices = devices;

  return {
    identity: reader.identity,
    guest: haState?.state ? { ...guest, haState: haState.state } : guest,
    config,
    node: nodeFacts,
    tasks,
    journal: journalLines(journal),
    failureWindow: newest && near ? { upid: newest.upid, lines: journalLines(near) } : undefined,
    cluster: {
      quorate: members.length === 0 ? undefined : (members.find((entry) => entry.type === 'cluster')?.quorate ?? true),
      offlineNodes: members
        .filter((entry) => entry.type === 'node' && entry.online === false)
        .map((entry) => entry.name ?? '?'),
    },
    agent:
      agentAnswer === undefined
        ? undefined
        : { answered: agentAnswer.ok, error: agentAnswer.ok ? undefined : agentAnswer.message },
    permissions: await readPermissions(reader, failing),
    failures,
    reads: reader.reads,
  };
}

/** The journal's lines without its cursors. */
function journalLines(journal: readonly unknown[] | undefined): string[] {
  return (journal ?? []).filter((line): line is string => typeof line === 'string' && !/^s=[0-9a-f]+;i=/.test(line));
}

/** Around the newest failure that still matters; otherwise the newest lines. */
function journalWindow(failing: readonly TaskFact[]): Record<string, number> {
  const newest = failing[0];
  if (!newest) return { lastentries: newestJournalLines };
  return {
    since: newest.starttime - journalMarginSeconds,
    until: (newest.endtime ?? newest.starttime) + journalMarginSeconds,
  };
}

/** Only a running VM with the agent option set can answer; asking any other would only restate its state. */
function agentWanted(type: string, status: string, config: GuestConfigFacts | undefined): boolean {
  return type === 'qemu' && status === 'running' && config?.agentEnabled === true;
}

function buildNodeFacts(
  resource: ResourceGuest,
  all: readonly ResourceGuest[],
  members: ReadonlyArray<{ type: string; name?: string | undefined; online?: boolean | undefined }>,
  status:
    | {
        memory?: { total: number; used: number } | undefined;
        cpuinfo?: { hvm?: boolean | undefined; flags?: string | undefined; cpus?: number | undefined } | undefined;
      }
    | undefined,
  network: unknown,
  storage: StorageFact[] | undefined,
): NodeFacts {
  const running = all.filter((guest) => guest.node === resource.node && guest.status === 'running');
  return {
    name: resource.node,
    online: members.find((entry) => entry.type === 'node' && entry.name === resource.node)?.online,
    memory: status?.memory,
    cpu: status?.cpuinfo
      ? { hvm: status.cpuinfo.hvm, flags: (status.cpuinfo.flags ?? '').split(/\s+/).filter(Boolean) }
      : undefined,
    cpus: status?.cpuinfo?.cpus,
    devices: undefined,
    interfaces: network === undefined ? undefined : interfaceFacts(parseList(interfaceSchema, network)),
    storage,
    committed: running.reduce((sum, guest) => sum + (guest.maxmem ?? 0), 0),
  };
}

/** For permission errors in task logs: what the task's user may do on that path now. */
async function readPermissions(reader: EvidenceReader, failing: readonly TaskFact[]): Promise<PermissionFact[]> {
  const questions = permissionQuestions(signatureBook(), failing);
  const answers = await Promise.all(
    questions.map(async ({ userid, path }) => {
      const answer = await reader.read<unknown>('/access/permissions', { userid, path });
      const granted = answer.ok ? parseOne(permissionsSchema, answer.data)?.[path] : undefined;
      return granted === undefined ? [] : [{ userid, path, privileges: Object.keys(granted) }];
    }),
  );
  return answers.flat();
}
