import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, gib, guestShortLabel } from './words.js';

const mib = 1024 ** 2;

/** RAM the VM asks for against what the node has; the balloon against the memory. */
export const memoryAnalyzer: Analyzer = {
  name: 'memory',
  analyze(input) {
    const { evidence } = input;
    const ram = matchesOf(input, 'guest-ram-alloc-failed');
    const balloon = matchesOf(input, 'balloon-larger-than-memory');
    const findings: Finding[] = [];
    const tooBig =
      evidence.guest.type === 'qemu' &&
      evidence.config &&
      evidence.node.memory &&
      evidence.config.memoryMiB * mib > evidence.node.memory.total;
    if (ram.length > 0 || tooBig) findings.push(ramFinding(evidence, ram));
    if (balloon.length > 0) findings.push(settingFinding(evidence, balloon, 'balloon-larger-than-memory', 'balloon'));
    return { findings, claimed: lines([...ram, ...balloon]) };
  },
};

function ramFinding(evidence: GuestEvidence, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const wanted = (evidence.config?.memoryMiB ?? 0) * mib;
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  const memory = node.memory;
  const label = guestShortLabel(guest);
  if (memory && evidence.config) {
    const free = memory.total - memory.used;
    if (wanted > memory.total)
      decisive.push(
        fact(
          'node-status',
          `${label} is configured with ${gib(wanted)}, more than the ${gib(memory.total)} of ${node.name}`,
        ),
      );
    else if (guest.status === 'stopped' && wanted > free)
      decisive.push(
        fact(
          'node-status',
          `${label} needs ${gib(wanted)}; ${node.name} has ${gib(free)} free of ${gib(memory.total)}`,
        ),
      );
    else if (guest.status === 'stopped')
      contradictedBy.push(`${node.name} has ${gib(free)} free now, enough for the ${gib(wanted)} of ${label}`);
  }
  const confidence = confidenceOf(decisive, contradictedBy);
  const fits = memory ? Math.floor((memory.total * 0.75) / 1024 ** 3) * 1024 : undefined;
  const beyondNode = memory !== undefined && wanted > memory.total;
  return {
    id: 'guest-ram-alloc-failed',
    category: 'memory',
    confidence,
    summary:
      confidence === 'suspected'
        ? `QEMU could not allocate the memory of ${label}, but ${node.name} has enough free memory now.`
        : `${label} asks for ${gib(wanted)} of RAM, ${beyondNode ? `more than node ${node.name} has` : `more than node ${node.name} can give`}${said.length === 0 ? ', so it cannot start' : ''}.`,
    evidence: [
      ...lineEvidence(said, 2),
      ...(evidence.config ? [fact('config', `memory: ${evidence.config.raw.memory ?? '512 (default)'}`)] : []),
      ...decisive,
      ...taskEvidence(evidence, said),
    ],
    contradictedBy,
    fix:
      confidence === 'suspected'
        ? `Start it again: \`${cli(guest)} start ${guest.vmid}\`; if it fails, look at what else uses memory on ${node.name}.`
        : `Lower its memory to fit ${node.name}${fits ? `, e.g. \`${cli(guest)} set ${guest.vmid} --memory ${fits}\`` : ''}, free memory by stopping other guests, or migrate it to a node with more RAM.`,
    ...(confidence !== 'suspected' && beyondNode && fits && guest.type === 'qemu'
      ? { fixAction: { tool: 'set_vm_resources', args: { vmid: guest.vmid, node: node.name, memoryMiB: fits } } }
      : {}),
  };
}

function settingFinding(
  evidence: GuestEvidence,
  said: readonly LineMatch[],
  id: 'hugepage-size-unsupported' | 'balloon-larger-than-memory',
  key: 'hugepages' | 'balloon',
): Finding {
  const { guest } = evidence;
  const config = evidence.config;
  const value = config?.raw[key];
  const wrong =
    key === 'hugepages'
      ? value !== undefined
      : config?.balloonMiB !== undefined && config.balloonMiB > config.memoryMiB;
  const decisive =
    wrong && value !== undefined
      ? [fact('config', `${key}: ${value}${key === 'balloon' ? `, memory: ${config?.raw.memory ?? '512'}` : ''}`)]
      : [];
  const contradictedBy =
    config && !wrong ? [`the config of ${guestShortLabel(guest)} has no such ${key} setting now`] : [];
  const set = `${cli(guest)} set ${guest.vmid}`;
  return {
    id,
    category: 'memory',
    confidence: confidenceOf(decisive, contradictedBy),
    summary:
      key === 'hugepages'
        ? `${guestShortLabel(guest)} asks for hugepages of a size the kernel of ${evidence.node.name} does not offer.`
        : `The balloon target of ${guestShortLabel(guest)} is larger than its memory.`,
    evidence: [...lineEvidence(said, 2), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix:
      key === 'hugepages'
        ? `Use 2 MiB pages (\`${set} --hugepages 2\`) or none (\`${set} --delete hugepages\`), or reserve 1 GiB pages on ${evidence.node.name} (kernel option hugepagesz=1G).`
        : `Set the balloon below the memory: \`${set} --balloon ${Math.max(0, (config?.memoryMiB ?? 1024) / 2)}\`.`,
  };
}
