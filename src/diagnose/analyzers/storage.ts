import type { GuestEvidence, StorageFact } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, list, name } from './words.js';

type Problem = 'missing' | 'offline' | 'disabled';

const problemOf: Record<string, Problem> = {
  'storage-does-not-exist': 'missing',
  'storage-not-online': 'offline',
  'storage-dir-unreachable': 'offline',
  'storage-mountpoint-not-mounted': 'offline',
  'storage-mount-error': 'offline',
  'storage-disabled': 'disabled',
};
const stateId: Record<Problem, string> = {
  missing: 'storage-does-not-exist',
  offline: 'storage-not-online',
  disabled: 'storage-disabled',
};

/** A storage the guest needs is missing, offline or disabled: in the log, on the node, or both. */
export const storageAnalyzer: Analyzer = {
  name: 'storage',
  analyze(input) {
    const { evidence } = input;
    const said = matchesOf(input, ...Object.keys(problemOf)).map((match) => ({
      ...match,
      storage: match.groups.storage ?? offlineNetworkStorage(evidence)?.id,
    }));
    const used = [...new Set((evidence.config?.volumes ?? []).map((volume) => volume.storage))];
    const ids = [...new Set([...said.flatMap((match) => (match.storage ? [match.storage] : [])), ...used])];
    const findings = ids.flatMap((id) => {
      const own = said.filter((match) => match.storage === id);
      const state = stateProblem(evidence.node.storage, id);
      const problem = own[0] ? problemOf[own[0].signature.id]! : state;
      return problem ? [storageFinding(evidence, id, problem, own, own[0]?.signature.id ?? stateId[problem])] : [];
    });
    const unnamed = said.filter((match) => !match.storage);
    if (unnamed[0]) findings.push(storageFinding(evidence, undefined, 'offline', unnamed, unnamed[0].signature.id));
    return { findings, claimed: lines(said) };
  },
};

function stateProblem(storage: readonly StorageFact[] | undefined, id: string): Problem | undefined {
  if (!storage) return undefined;
  const fact = storage.find((candidate) => candidate.id === id);
  if (!fact) return 'missing';
  if (!fact.enabled) return 'disabled';
  return fact.active ? undefined : 'offline';
}

/** `mount error: ...` names no storage; an inactive network storage of the guest is the one. */
function offlineNetworkStorage(evidence: GuestEvidence): StorageFact | undefined {
  const used = new Set((evidence.config?.volumes ?? []).map((volume) => volume.storage));
  return evidence.node.storage?.find(
    (storage) => used.has(storage.id) && !storage.active && /^(nfs|cifs|cephfs|glusterfs)$/.test(storage.type),
  );
}

function storageFinding(
  evidence: GuestEvidence,
  id: string | undefined,
  problem: Problem,
  said: readonly LineMatch[],
  findingId: string,
): Finding {
  const { guest, node } = evidence;
  const fact_ = id ? node.storage?.find((candidate) => candidate.id === id) : undefined;
  const disks = (evidence.config?.volumes ?? []).filter((volume) => volume.storage === id);
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  const label = id ? `storage ${name(id)}` : 'a storage';
  if (node.storage && id) {
    if (problem === 'missing') {
      if (!fact_)
        decisive.push(
          fact(
            'storage',
            `${node.name} has no ${label}; its storages: ${list(node.storage.map((s) => s.id)) || 'none'}`,
          ),
        );
      else contradictedBy.push(`${label} exists on ${node.name} now`);
    } else if (problem === 'disabled') {
      if (fact_ && !fact_.enabled) decisive.push(fact('storage', `${label} is disabled`));
      else contradictedBy.push(`${label} is enabled now`);
    } else if (!fact_ || !fact_.active) {
      decisive.push(fact('storage', `${label} is not active on ${node.name}${fact_ ? ` (type ${fact_.type})` : ''}`));
    } else {
      contradictedBy.push(`${label} is active on ${node.name} now`);
    }
  }
  const confidence = confidenceOf(decisive, contradictedBy);
  const holding =
    disks.length > 0 ? `, holding ${list(disks.map((disk) => disk.key))} of ${guestShortLabel(guest)},` : '';
  const state = {
    missing: `does not exist on node ${node.name}`,
    offline: `is not online on node ${node.name}`,
    disabled: 'is disabled',
  }[problem];
  return {
    id: findingId,
    category: 'storage',
    confidence,
    summary:
      confidence === 'suspected'
        ? `A task failed because ${label} was unavailable, but the evidence now disagrees.`
        : `${capital(label)}${holding} ${state}.`,
    evidence: [
      ...lineEvidence(said, 2),
      ...disks.slice(0, 2).map((disk) => fact('config', `${disk.key}: ${disk.volid}`)),
      ...decisive,
      ...taskEvidence(evidence, said),
    ],
    contradictedBy,
    fix: storageFix(evidence, id, problem, disks[0]?.key),
  };
}

function storageFix(
  evidence: GuestEvidence,
  id: string | undefined,
  problem: Problem,
  disk: string | undefined,
): string {
  const { guest, node } = evidence;
  const label = id ? name(id) : 'the storage';
  const wanted = guest.type === 'lxc' ? 'rootdir' : 'images';
  const other = node.storage?.find(
    (storage) => storage.id !== id && storage.active && storage.enabled && storage.content.includes(wanted),
  );
  const move =
    disk && other
      ? `, or move ${disk} to ${other.id}: \`${guest.type === 'lxc' ? `pct move-volume ${guest.vmid} ${disk} ${other.id}` : `qm disk move ${guest.vmid} ${disk} ${other.id}`}\``
      : '';
  if (problem === 'missing')
    return `Add ${label} for node ${node.name} in Datacenter > Storage (check its node restriction)${move}.`;
  if (problem === 'disabled') return `Enable it: \`pvesm set ${label} --disable 0\`${move}.`;
  return `Bring ${label} back online on ${node.name}: check its server, mount or disks (\`pvesm status\` on ${node.name}), then \`${cli(guest)} start ${guest.vmid}\`${move}.`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
