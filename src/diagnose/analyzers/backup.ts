import type { GuestEvidence, StorageFact, TaskFact } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import { usedFraction } from '../read-facts.js';
import { isoSeconds, lineEvidence, lines, matchesOf, nothing, type Analyzer } from './analyzer.js';
import { fullness, usedStorages } from './storage-full.js';
import { guestShortLabel, name } from './words.js';

const fullFraction = 0.95;

/**
 * The guest's newest vzdump failed: which layer (its own disks, the target,
 * the backup server, its lock, the mode), checked against the storages now.
 */
export const backupAnalyzer: Analyzer = {
  name: 'backup',
  analyze(input) {
    const { evidence } = input;
    const run = evidence.tasks.find((task) => task.type === 'vzdump' && !task.running);
    if (!run?.failed || !run.log) return nothing;
    const mine = (match: { line: { group: string } }) => match.line.group === run.upid;
    const said = matchesOf(
      input,
      'backup-read-io-error',
      'backup-target-full',
      'backup-target-unreachable',
      'backup-wrong-content',
      'backup-snapshot-mode-failed',
      'vzdump-guest-failed',
      'vzdump-job-errors',
      'storage-not-online',
      'storage-dir-unreachable',
      'storage-does-not-exist',
      'guest-config-locked',
    ).filter(mine);
    const reason = failureReason(run, evidence.guest.vmid);
    const ours = new Set(said.map((match) => match.signature.id));
    const otherCause = input.matches.some(
      (match) => mine(match) && !ours.has(match.signature.id) && !match.signature.generic,
    );
    // A specific line of another kind (a guest agent timeout during fs-freeze, a lock) is that analyzer's to explain.
    if (otherCause && !said.some((match) => !match.signature.generic)) return nothing;
    return {
      findings: [
        backupFinding(
          evidence,
          run,
          reason,
          said.map((match) => match.signature.id),
          lineEvidence(said, 3),
        ),
      ],
      claimed: lines(said),
      explainedTasks: [run.upid],
    };
  },
};

/** The text after `Backup of VM N failed - `, else the task's own error. */
function failureReason(run: TaskFact, vmid: number): string {
  const prefix = `ERROR: Backup of VM ${vmid} failed - `;
  const line = run.log?.find((text) => text.startsWith(prefix));
  return line ? line.slice(prefix.length) : run.status;
}

function targetOf(evidence: GuestEvidence, run: TaskFact): StorageFact | undefined {
  const id = /--storage (\S+)/.exec(run.log?.[0] ?? '')?.[1];
  return id === undefined ? undefined : evidence.node.storage?.find((storage) => storage.id === id);
}

function full(storage: StorageFact): boolean {
  return (usedFraction(storage) ?? 0) >= fullFraction;
}

function backupFinding(
  evidence: GuestEvidence,
  run: TaskFact,
  reason: string,
  signatures: readonly string[],
  said: EvidenceItem[],
): Finding {
  const { guest, node } = evidence;
  const label = guestShortLabel(guest);
  const when = isoSeconds(run.starttime);
  const target = targetOf(evidence, run);
  const targetName = target ? name(target.id) : 'the backup storage';
  const rerun = `\`vzdump ${guest.vmid}${target ? ` --storage ${target.id}` : ''}\` on ${node.name}`;
  const ran = fact('tasks', `vzdump of ${label} started ${when} ended: ${run.status}`);
  const base = { id: 'backup-failed', category: 'backup' as const, contradictedBy: [] as string[] };
  if (signatures.includes('backup-read-io-error')) {
    const culprits = usedStorages(evidence).filter((storage) => full(storage) || !storage.active);
    const decisive = culprits.map((storage) =>
      storage.active
        ? fullness(evidence, storage)
        : fact('storage', `${name(storage.id)} on ${node.name} is not active`),
    );
    return {
      ...base,
      confidence: confidenceOf(decisive, []),
      summary: culprits[0]
        ? `The last backup of ${label} (${when}) failed reading its disks: ${name(culprits[0].id)} on ${node.name} is ${culprits[0].active ? 'full' : 'not active'}, so they answer with I/O errors.`
        : `The last backup of ${label} (${when}) failed reading its disks with I/O errors.`,
      evidence: [...said, ...decisive, ran],
      fix: `${culprits[0] ? `Free space on ${name(culprits[0].id)} (or bring it back), ` : 'Check the disks behind the guest, '}then run ${rerun}.`,
    };
  }
  if (signatures.includes('backup-target-full')) {
    const decisive = target && full(target) ? [fullness(evidence, target)] : [];
    return {
      ...base,
      confidence: confidenceOf(decisive, []),
      summary: `The last backup of ${label} (${when}) failed because ${targetName} ran out of space.`,
      evidence: [...said, ...decisive, ran],
      fix: `Free space on ${targetName} (prune old backups: \`pvesm prune-backups ${target?.id ?? 'STORAGE'} --keep-last 3\`, or lower the job's retention) or use a larger target, then run ${rerun}.`,
    };
  }
  const unreachable = signatures.some((id) =>
    ['backup-target-unreachable', 'storage-not-online', 'storage-dir-unreachable', 'storage-does-not-exist'].includes(
      id,
    ),
  );
  if (unreachable || (target && !target.active)) {
    const decisive = target && !target.active ? [fact('storage', `${targetName} on ${node.name} is not active`)] : [];
    const pbs = target?.type === 'pbs' || signatures.includes('backup-target-unreachable');
    return {
      ...base,
      confidence: confidenceOf(decisive, []),
      summary: `The last backup of ${label} (${when}) failed because ${pbs ? 'the backup server behind ' : ''}${targetName} could not be reached.`,
      evidence: [...said, ...decisive, ran],
      fix: pbs
        ? `Check that the Proxmox Backup Server is up and reachable from ${node.name} (network, firewall, fingerprint, datastore), then run ${rerun}.`
        : `Bring ${targetName} back on ${node.name} (mount, network share, \`pvesm status\`), then run ${rerun}.`,
    };
  }
  const locked = /(?:VM|CT) is locked \((?<lock>[a-z-]+)\)/.exec(reason)?.groups?.lock;
  if (locked)
    return {
      ...base,
      confidence: guest.lock ? 'confirmed' : 'likely',
      summary: `The last backup of ${label} (${when}) was refused: the guest was locked (${name(locked)}).`,
      evidence: [...said, ...(guest.lock ? [fact('status', `${label} is locked (${name(guest.lock)})`)] : []), ran],
      fix: `Let the task holding the lock finish, or remove a stale lock (\`${guest.type === 'lxc' ? 'pct' : 'qm'} unlock ${guest.vmid}\`), then run ${rerun}.`,
    };
  return {
    ...base,
    confidence: 'likely',
    summary: `The last backup of ${label} (${when}) failed: ${name(reason)}.`,
    evidence: [...said, ran],
    fix: signatures.includes('backup-snapshot-mode-failed')
      ? `Move the guest's volumes to storage with snapshots or run the job in suspend or stop mode, then run ${rerun}.`
      : `Read the whole vzdump log (read_task_log ${run.upid}) for the failing step, fix it, then run ${rerun}.`,
  };
}
