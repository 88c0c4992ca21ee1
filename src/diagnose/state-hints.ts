import type { GuestEvidence } from './evidence.js';
import type { Category } from './finding.js';
import { nodeMisfits } from './analyzers/node-fit.js';
import { isBridge, usedFraction } from './read-facts.js';

const mib = 1024 ** 2;

export interface StateHints {
  /** Something is wrong there now: a bridge or storage missing, too much memory, a lock, no quorum ... */
  problems: ReadonlySet<Category>;
  /** Only what kind of guest this is (a container, a VM with passthrough): a tie-breaker, not a problem. */
  context: ReadonlySet<Category>;
}

/** Categories the state of the guest and its node points to, whatever any log says. */
export function stateHints(evidence: GuestEvidence): StateHints {
  const hints = new Set<Category>();
  const context = new Set<Category>();
  const { config, node, guest, cluster } = evidence;
  const bridges = node.interfaces?.filter(isBridge);
  if (
    config &&
    bridges &&
    config.nics.some((nic) => nic.bridge && !bridges.some((bridge) => bridge.name === nic.bridge))
  )
    hints.add('network');
  const used = new Set(config?.volumes.map((volume) => volume.storage) ?? []);
  const storage = node.storage?.filter((candidate) => used.has(candidate.id));
  if (node.storage && [...used].some((id) => !node.storage!.some((candidate) => candidate.id === id)))
    hints.add('storage');
  if (storage?.some((candidate) => !candidate.active || !candidate.enabled || (usedFraction(candidate) ?? 0) >= 0.95))
    hints.add('storage');
  if (config && node.memory && guest.type === 'qemu' && config.memoryMiB * mib > node.memory.total) hints.add('memory');
  if (guest.lock) hints.add('lock');
  if (guest.template) hints.add('template');
  if (cluster.quorate === false) hints.add('cluster');
  if (guest.haState === 'error' || guest.haState === 'fence') hints.add('ha');
  if (evidence.agent && !evidence.agent.answered) hints.add('guest-agent');
  for (const category of nodeMisfits(evidence)) hints.add(category);
  if (config && config.hostpci.length > 0) context.add('pci');
  if (guest.type === 'lxc') context.add('lxc');
  return { problems: hints, context };
}
