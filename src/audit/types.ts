/** Where a call came from. */
export type AuditOrigin = 'tui' | 'agent' | 'mcp-stdio' | 'mcp-http' | 'ask' | 'cli' | 'internal';

/** The step of the call pipeline (docs/architecture.md, "The one pipeline") a record stands for. */
export type AuditKind =
  'call' | 'decision' | 'preflight' | 'answer' | 'result' | 'grant' | 'session-start' | 'session-end';

export type AuditVerdict = 'allow' | 'ask' | 'deny';

export type AuditOutcomeStatus = 'ok' | 'failed' | 'denied' | 'timeout' | 'aborted' | 'cached';

export interface AuditActor {
  osUser: string;
  pveIdentity: string | null;
  mcpClient: string | null;
  /** The person whose MCP token authenticated the call (`mcp token add NAME`); null for local origins. */
  person?: string | null;
}

/** The resolved target of a call: what the confirmation showed and the policy matched. Other keys (profile, guestType) are kept too. */
export interface AuditTarget {
  node?: string | null;
  vmid?: number | null;
  name?: string | null;
  tags?: readonly string[];
}

/** A change tool's preflight: what was checked, the verdict, and the call that would undo the change. */
export interface AuditPreflight {
  verdict: 'pass' | 'fail';
  checks: ReadonlyArray<{ check: string; result: 'ok' | 'fail' | 'warn' | 'unknown'; detail: string; fix?: string }>;
  undo?: { tool: string; args: Record<string, unknown> };
}

export interface AuditOutcome {
  status: AuditOutcomeStatus;
  summary: string;
}

/**
 * What a caller hands to the sink. Optional fields left out are written as
 * `null`, so every record has the same keys in the same order.
 */
export interface AuditEntry {
  session: string;
  parentSeq: number | null;
  origin: AuditOrigin;
  actor: AuditActor;
  /** The profile in use; demo sessions use "demo". */
  profile: string | null;
  cluster: string | null;
  kind: AuditKind;
  tool?: string | null;
  args?: unknown;
  target?: AuditTarget | null;
  verdict?: AuditVerdict | null;
  ruleId?: string | null;
  decidedBy?: string | null;
  outcome?: AuditOutcome | null;
  /** Only on `preflight` records; other records have no such key. */
  preflight?: AuditPreflight;
}

/** A record as written: the entry (redacted) plus what the sink adds; every key is present. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  ts: string;
  tool: string | null;
  args: unknown;
  target: AuditTarget | null;
  verdict: AuditVerdict | null;
  ruleId: string | null;
  decidedBy: string | null;
  outcome: AuditOutcome | null;
  prevHash: string;
  hash: string;
}

export interface AuditSink {
  /** Resolves once the record is durable (written and fsynced); rejects with AuditWriteError otherwise. */
  append(entry: AuditEntry): Promise<{ seq: number; hash: string }>;
}
