import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { guestShortLabel, name } from './words.js';

const specific: Record<string, string> = {
  'lxc-prestart-hook-failed':
    'The pre-start hook of {ct} failed, so LXC aborted its start (often a mount point, storage or ID mapping problem).',
  'lxc-aborting-state': 'LXC aborted the start of {ct} before it reached RUNNING.',
  'lxc-unsupported-os-version': 'pve-container does not know the OS release inside {ct}.',
  'lxc-bind-source-missing': 'A bind mount of {ct} points at a host directory that does not exist.',
};

/** Container start failures: the container named is this one, it is stopped, a bind mount source is configured. */
export const lxcAnalyzer: Analyzer = {
  name: 'lxc',
  analyze(input) {
    const { evidence } = input;
    const ids = Object.keys(specific);
    const said = matchesOf(input, ...ids).filter(
      (match) => (match.groups.ctid ?? String(evidence.guest.vmid)) === String(evidence.guest.vmid),
    );
    const findings = ids.flatMap((id) => {
      const own = said.filter((match) => match.signature.id === id);
      return own.length > 0 ? [lxcFinding(evidence, id, own)] : [];
    });
    const groups = new Set(said.map((match) => match.line.group));
    const wrappers = matchesOf(input, 'lxc-startup-failed').filter((match) => groups.has(match.line.group));
    return { findings, claimed: lines([...said, ...wrappers]) };
  },
};

function lxcFinding(evidence: GuestEvidence, id: string, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const ct = guestShortLabel(guest);
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  if (guest.type !== 'lxc') contradictedBy.push(`${ct} is not a container`);
  if (guest.status === 'running') contradictedBy.push(`${ct} is running now`);
  const path = said.find((match) => match.groups.path)?.groups.path;
  const mount = path
    ? evidence.config?.bindMounts.find((entry) => entry.path === path || entry.path === path.replace(/'$/, ''))
    : undefined;
  if (id === 'lxc-bind-source-missing') {
    if (mount) decisive.push(fact('config', `${mount.key} bind-mounts ${name(mount.path)} from ${node.name}`));
    else if (evidence.config) contradictedBy.push(`no mount point of ${ct} uses ${name(path ?? '?')} now`);
  } else if (guest.type === 'lxc' && guest.status === 'stopped') {
    decisive.push(fact('status', `${ct} is stopped`));
  }
  const fixes: Record<string, string> = {
    'lxc-prestart-hook-failed': `Start it in the foreground to see the cause: \`pct start ${guest.vmid} --debug\` on ${node.name}; then check its mount points and storage.`,
    'lxc-aborting-state': `Run \`pct start ${guest.vmid} --debug\` on ${node.name} and fix the first error it prints (AppArmor, mounts, ID maps).`,
    'lxc-unsupported-os-version':
      'Update pve-container (`apt update && apt full-upgrade`) so it knows this release, or use a supported template.',
    'lxc-bind-source-missing': `Create ${name(path ?? 'the directory')} on ${node.name} (or mount what should be there), or fix the mount point: \`pct set ${guest.vmid} --${mount?.key ?? 'mp0'} SOURCE,mp=TARGET\`.`,
  };
  return {
    id,
    category: 'lxc',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: specific[id]!.replace('{ct}', ct),
    evidence: [...lineEvidence(said, 3), ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: fixes[id]!,
  };
}
