import type { Severity } from './severity.js';

/** The lists `find_problems` adds beside failing nodes and guests. */
export type HealthKind = 'backup' | 'capacity' | 'posture';

/** Something about the cluster that is not (yet) a failure: each says why it matters and how to fix it. */
export interface HealthFinding {
  kind: HealthKind;
  /** Stable id of the check, e.g. `backup-failed`, `storage-full-soon`, `firewall-off`. */
  id: string;
  severity: Severity;
  /** What it is about, in words: `VM 104 (analytics) on pve1`, `storage local-lvm on pve2`, `datacenter`. */
  subject: string;
  summary: string;
  why: string;
  fix: string;
  node?: string;
  vmid?: number;
  /** For a finding about many guests at once. */
  vmids?: number[];
  storage?: string;
}
