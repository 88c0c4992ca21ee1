import type { GuestEvidence, GuestFacts, NodeFacts } from '../../../src/diagnose/evidence.js';
import { readGuestConfig, type GuestType } from '../../../src/diagnose/guest-config.js';
import type { ObservedLine } from '../../../src/diagnose/observed-line.js';

export interface EvidenceParts {
  guest?: Partial<GuestFacts>;
  node?: Partial<NodeFacts>;
  config?: Record<string, string>;
  rest?: Partial<Omit<GuestEvidence, 'guest' | 'node' | 'config'>>;
}

/** Evidence with nothing known beyond the guest itself: what a log line alone can tell. */
export function evidenceOf(parts: EvidenceParts = {}): GuestEvidence {
  const type: GuestType = parts.guest?.type ?? 'qemu';
  const guest: GuestFacts = {
    vmid: 310,
    node: 'pve7',
    type,
    name: 'app-7',
    status: 'stopped',
    qmpstatus: undefined,
    lock: undefined,
    template: false,
    haManaged: false,
    haState: undefined,
    maxmem: undefined,
    ...parts.guest,
  };
  return {
    identity: 'root@pam!diag',
    guest,
    config: parts.config ? readGuestConfig(type, parts.config) : undefined,
    node: {
      name: guest.node,
      online: undefined,
      memory: undefined,
      cpu: undefined,
      cpus: undefined,
      devices: undefined,
      interfaces: undefined,
      storage: undefined,
      committed: undefined,
      ...parts.node,
    },
    tasks: [],
    journal: [],
    failureWindow: undefined,
    cluster: { quorate: undefined, offlineNodes: [] },
    agent: undefined,
    permissions: [],
    failures: [],
    reads: [],
    ...parts.rest,
  };
}

/** Lines of one failed task (or of the journal, one group per line). */
export function taskLines(texts: readonly string[], upid = 'UPID:pve7:task'): ObservedLine[] {
  return texts.map((text) => ({ text, source: 'task-log', group: upid, scope: 'guest' }));
}
