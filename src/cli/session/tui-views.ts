import { readAuditRecords, type AuditRecord } from '../../audit/index.js';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';
import { defaultRulesPath, loadDefaultRules } from '../../policy/index.js';
import type { AuditLine, PolicySummary } from '../../ui/backend.js';
import type { CompletionSources } from '../../ui/commands/complete.js';
import type { ToolSession } from './open-tool-session.js';

/**
 * What the TUI shows of the session's surroundings, read for its screens:
 * the tail of the audit trail (/audit), the policy in force (/policy), and
 * the guest and node names Tab completes.
 */

/** The last `count` records of the trail, as /audit lists them. */
export async function auditTailLines(auditDir: string, count: number): Promise<AuditLine[]> {
  const tail: AuditRecord[] = [];
  for await (const record of readAuditRecords(auditDir)) {
    tail.push(record);
    if (tail.length > count) tail.shift();
  }
  return tail.map((record) => ({
    seq: record.seq,
    ts: record.ts,
    origin: record.origin,
    tool: record.tool,
    target: record.target?.vmid ? `${record.target.node ?? ''}/${record.target.vmid}` : (record.target?.node ?? ''),
    verdict: record.verdict,
    decidedBy: record.decidedBy,
    outcome: record.outcome ? `${record.outcome.status}: ${record.outcome.summary}` : null,
  }));
}

/** The rules in force, each marked as a default or the user's, and the grants of this session. */
export function policySummaryOf(tools: Pick<ToolSession, 'rules' | 'grants'>): PolicySummary {
  const defaults = new Set(loadDefaultRules(defaultRulesPath()).map((rule) => rule.id));
  return {
    rules: tools.rules.map((rule) => ({
      id: rule.id,
      verdict: rule.verdict,
      source: defaults.has(rule.id) ? 'default' : 'user',
    })),
    grants: tools.grants.list().map((grant) => ({
      tool: grant.tool,
      target: `${grant.target.node ?? ''}${grant.target.vmid ? `/${grant.target.vmid}` : ''}`,
      seq: grant.seq,
    })),
  };
}

/** Node names and guests (id and name), sorted, for Tab completion and names in slash commands. */
export async function readCompletionSources(api: ProxmoxApi): Promise<CompletionSources> {
  const [nodes, guests] = await Promise.all([api.nodes.list(), api.cluster.guests()]);
  return {
    nodes: nodes.map((n) => n.node).sort(),
    guests: guests
      .map((g) => ({ vmid: g.vmid, ...(g.name !== undefined ? { name: g.name } : {}) }))
      .sort((a, b) => a.vmid - b.vmid),
  };
}
