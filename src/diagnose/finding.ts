/** The diagnosis contract (docs/architecture.md, "A diagnosis"): what `diagnose_vm`, `find_problems` and `proxmox-ai diagnose` return. */

/** The closed set of failure categories; `other` only when nothing points anywhere. */
export const categories = [
  'network',
  'memory',
  'lock',
  'storage',
  'kvm',
  'pci',
  'boot',
  'template',
  'cluster',
  'ha',
  'guest-agent',
  'qmp',
  'timeout',
  'cloud-init',
  'permission',
  'proxy',
  'backup',
  'migration',
  'lxc',
  'ceph',
  'other',
] as const;
export type Category = (typeof categories)[number];

/** confirmed: the evidence agrees; likely: only the log speaks; suspected: the evidence disagrees (see contradictedBy). */
export type Confidence = 'confirmed' | 'likely' | 'suspected';

export const evidenceSources = [
  'task-log',
  'journal',
  'config',
  'status',
  'node-status',
  'node-network',
  'storage',
  'tasks',
  'cluster',
  'ha',
  'agent',
] as const;
export type EvidenceSource = (typeof evidenceSources)[number];

export interface EvidenceItem {
  source: EvidenceSource;
  /** The line as read, or a fact stated from what was read. */
  text: string;
}

/** A fix proxmox-ai can carry out itself: one tool call, previewed and confirmed like any other. */
export interface FixAction {
  tool: string;
  args: Record<string, unknown>;
}

export interface Finding {
  id: string;
  category: Category;
  confidence: Confidence;
  /** One sentence. */
  summary: string;
  evidence: EvidenceItem[];
  contradictedBy: string[];
  /** What to do, with the real ids and names filled in. */
  fix: string;
  fixAction?: FixAction;
}

export interface GuestDiagnosis {
  vmid: number;
  node: string;
  name: string | null;
  status: string;
  /** Most likely first; empty for a healthy guest. */
  findings: Finding[];
}

export interface NodeProblems {
  node: string;
  findings: Finding[];
}

export interface ProblemsReport {
  nodes: NodeProblems[];
  guests: GuestDiagnosis[];
}

export function fact(source: EvidenceSource, text: string): EvidenceItem {
  return { source, text };
}

/** confirmed when something agrees and nothing disagrees, suspected when something disagrees, else likely. */
export function confidenceOf(agreeing: readonly unknown[], contradictedBy: readonly string[]): Confidence {
  if (contradictedBy.length > 0) return 'suspected';
  return agreeing.length > 0 ? 'confirmed' : 'likely';
}
