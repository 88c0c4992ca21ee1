/**
 * The policy engine's own vocabulary (docs/architecture.md, "Policy"). Structural on purpose:
 * src/policy depends on nothing else of ours, so callers pass plain data.
 */

export type Risk = 'read' | 'change' | 'destructive';

export type Verdict = 'allow' | 'ask' | 'deny';
export type ConfirmKind = 'plain' | 'typed';
export type SnapshotBefore = false | true | 'best-effort';

/** `policy.mode` of config.json. */
export type PolicyMode = 'normal' | 'read-only';

/** What a call touches, as resolved from the cluster (never as the model described it). */
export interface PolicyTarget {
  profile?: string;
  node?: string;
  vmid?: number;
  name?: string;
  tags?: string[];
}

export interface PolicyRequest {
  tool: string;
  risk: Risk;
  args: Record<string, unknown>;
  target: PolicyTarget;
  /** The person whose MCP token made the call; absent for local origins (TUI, ask, stdio), which `where.actor` never matches. */
  actor?: string;
}

export interface PolicyDecision {
  verdict: Verdict;
  /** The rule that decided, `default` when none covered the call, `mode:read-only` for the read-only mode. */
  ruleId: string;
  confirm: ConfirmKind;
  snapshotBefore: SnapshotBefore;
  /** A short human sentence: which rule, what matched, what happens. */
  reason: string;
  /** Ready for the audit record: `rule:<id>`, `default`, `mode:read-only` or `grant:<seq>`. */
  decidedBy: string;
  /** Set when a session grant turned a plain ask into allow. */
  grantSeq?: number;
}

/** The part of the session grants that decide() reads. */
export interface GrantLookup {
  find(request: PolicyRequest): { seq: number } | undefined;
}
