import type { GuestEvidence, StorageFact } from '../evidence.js';
import { fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { usedFraction } from '../read-facts.js';
import { lineEvidence, lines, matchesOf, nodeMatchesOf, nothing, type Analyzer } from './analyzer.js';
import { cli, gib, guestShortLabel, list, name, percentOf } from './words.js';

export const fullFraction = 0.95;
export const overflowingFraction = 0.99;

/** A VM paused with io-error, a thin pool out of space, a storage of the guest (nearly) full. */
export const storageFullAnalyzer: Analyzer = {
  name: 'storage-full',
  analyze(input) {
    const { evidence } = input;
    const used = usedStorages(evidence);
    const full = used.filter((storage) => (usedFraction(storage) ?? 0) >= fullFraction);
    const thinUsed = used.some((storage) => storage.type === 'lvmthin');
    const thin = thinUsed
      ? [
          ...matchesOf(input, 'thin-pool-out-of-space', 'thin-pool-full'),
          ...nodeMatchesOf(input, 'thin-pool-out-of-space', 'thin-pool-full'),
        ]
      : [];
    const paused = matchesOf(input, 'vm-paused-io-error');
    if (paused.length > 0)
      return {
        findings: [pausedFinding(evidence, full, used, [...paused, ...thin])],
        claimed: lines([...paused, ...thin]),
      };
    const fullThin = full.filter((storage) => storage.type === 'lvmthin');
    const findings = full.map((storage) =>
      fullThin.includes(storage) && thin.length > 0
        ? thinFinding(evidence, storage, thin)
        : fullFinding(evidence, storage),
    );
    return findings.length > 0 || thin.length > 0 ? { findings, claimed: lines(thin) } : nothing;
  },
};

/** The storages the guest's disks (not its CD-ROMs) are on. */
export function usedStorages(evidence: GuestEvidence): StorageFact[] {
  const ids = new Set(
    (evidence.config?.volumes ?? []).filter((volume) => !volume.cdrom).map((volume) => volume.storage),
  );
  return (evidence.node.storage ?? []).filter((storage) => ids.has(storage.id));
}

export function fullness(evidence: GuestEvidence, storage: StorageFact): EvidenceItem {
  return fact(
    'storage',
    `${name(storage.id)} (${storage.type}) on ${evidence.node.name} is ${percentOf(storage.used, storage.total)} full (${gib(storage.used)} of ${gib(storage.total)})`,
  );
}

function disksOn(evidence: GuestEvidence, storage: StorageFact): string[] {
  return (evidence.config?.volumes ?? []).filter((volume) => volume.storage === storage.id).map((volume) => volume.key);
}

function pausedFinding(evidence: GuestEvidence, full: StorageFact[], used: StorageFact[], said: LineMatch[]): Finding {
  const { guest, node } = evidence;
  const offline = used.filter((storage) => !storage.active);
  const decisive = [
    ...full.map((storage) => fullness(evidence, storage)),
    ...offline.map((storage) => fact('storage', `${name(storage.id)} on ${node.name} is not active`)),
  ];
  const culprit = full[0] ?? offline[0];
  const label = guestShortLabel(guest);
  return {
    id: 'vm-paused-io-error',
    category: 'storage',
    confidence: decisive.length > 0 ? 'confirmed' : 'likely',
    summary: culprit
      ? `${label} is paused after I/O errors: storage ${name(culprit.id)} on ${node.name}, which holds ${list(disksOn(evidence, culprit))}, is ${full.includes(culprit) ? 'full' : 'not active'}.`
      : `${label} is paused after an I/O error, and none of its storages is full or inactive, so suspect the disk or the storage backend.`,
    evidence: [...lineEvidence(said, 3), ...decisive],
    contradictedBy: [],
    fix: culprit
      ? `${full.includes(culprit) ? `Free space on ${name(culprit.id)} on ${node.name} (remove unused volumes or old snapshots, or extend the pool, e.g. \`lvextend\` for LVM-thin)` : `Bring ${name(culprit.id)} back online on ${node.name}`}, then resume the VM: \`${cli(guest)} resume ${guest.vmid}\`.`
      : `Check the kernel log of ${node.name} for disk errors (\`journalctl -k\`) and the health of the storage, then \`${cli(guest)} resume ${guest.vmid}\`.`,
    ...(guest.type === 'qemu' ? { fixAction: { tool: 'resume_vm', args: { vmid: guest.vmid, node: node.name } } } : {}),
  };
}

function thinFinding(evidence: GuestEvidence, storage: StorageFact, said: LineMatch[]): Finding {
  return {
    id: 'thin-pool-out-of-space',
    category: 'storage',
    confidence: 'confirmed',
    summary: `The LVM thin pool behind ${name(storage.id)} on ${evidence.node.name} ran out of data space; writes of ${guestShortLabel(evidence.guest)} to ${list(disksOn(evidence, storage))} will fail or pause.`,
    evidence: [...lineEvidence(said, 3), fullness(evidence, storage)],
    contradictedBy: [],
    fix: `Free space in ${name(storage.id)} on ${evidence.node.name} (remove unused volumes or snapshots) or extend the thin pool with \`lvextend\`.`,
  };
}

function fullFinding(evidence: GuestEvidence, storage: StorageFact): Finding {
  const overflowing = (usedFraction(storage) ?? 0) >= overflowingFraction;
  return {
    id: overflowing ? 'storage-full' : 'storage-nearly-full',
    category: 'storage',
    confidence: 'confirmed',
    summary: `Storage ${name(storage.id)} on ${evidence.node.name}, which holds ${list(disksOn(evidence, storage))} of ${guestShortLabel(evidence.guest)}, is ${overflowing ? 'full' : 'nearly full'}.`,
    evidence: [fullness(evidence, storage)],
    contradictedBy: [],
    fix: `Free space on ${name(storage.id)} on ${evidence.node.name} or move disks elsewhere before ${guestShortLabel(evidence.guest)} writes more.`,
  };
}
