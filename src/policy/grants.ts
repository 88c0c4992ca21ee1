import type { GrantLookup, PolicyRequest, PolicyTarget } from './types.js';

/** "Allow for this session" for one tool on one target; `seq` is the audit record of the grant. */
export interface SessionGrant {
  seq: number;
  tool: string;
  target: PolicyTarget;
}

/**
 * The session's grants, in memory only (never written to disk). A grant covers
 * the same tool on the same target: the same profile, node and vmid for guest
 * tools, the same profile and node for node-level tools. decide() consults it
 * only for a plain ask; it never covers a deny or a typed confirmation.
 */
export class SessionGrants implements GrantLookup {
  readonly #byScope = new Map<string, SessionGrant>();

  add(grant: SessionGrant): void {
    this.#byScope.set(scopeOf(grant.tool, grant.target), {
      seq: grant.seq,
      tool: grant.tool,
      target: { ...grant.target },
    });
  }

  find(request: Pick<PolicyRequest, 'tool' | 'target'>): SessionGrant | undefined {
    return this.#byScope.get(scopeOf(request.tool, request.target));
  }

  /** Every grant, oldest first (for `/policy` in the TUI). */
  list(): SessionGrant[] {
    return [...this.#byScope.values()];
  }
}

// Safety: the scope is exact. A grant for a node-level call (no vmid) does not
// cover the guests on that node, and one for a guest does not cover another.
function scopeOf(tool: string, target: PolicyTarget): string {
  return JSON.stringify([tool, target.profile ?? null, target.node ?? null, target.vmid ?? null]);
}
