import type { EvidenceSource } from './finding.js';
import type { Signature } from './signature-book.js';

/** A line read from the cluster (task log, journal, an API error) or stated from a read (`qmpstatus: io-error`). */
export interface ObservedLine {
  text: string;
  source: EvidenceSource;
  /** Lines of one task log, or of one read, belong together: a specific line there explains the generic ones. */
  group: string;
  /** guest: about this guest (its tasks, status, reads, journal lines naming it); node: node-wide journal lines. */
  scope: 'guest' | 'node';
  /** A journal line logged while this failed task ran (or just after): it may tell what the task's lines do not. */
  during?: string;
}

export interface LineMatch {
  line: ObservedLine;
  signature: Signature;
  /** Named groups of the pattern that matched, e.g. {bridge: 'vmbr1'}. */
  groups: Record<string, string>;
}
