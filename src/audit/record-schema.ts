import { z } from 'zod';
import type { AuditRecord } from './types.js';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const nullableText = z.string().nullable();

// `person` came later: records written before it have no such key and still verify.
const actorSchema = z.strictObject({
  osUser: z.string(),
  pveIdentity: nullableText,
  mcpClient: nullableText,
  person: nullableText.optional(),
});

const targetSchema = z
  .object({
    node: nullableText.optional(),
    vmid: z.number().int().nullable().optional(),
    name: nullableText.optional(),
    tags: z.array(z.string()).optional(),
  })
  .catchall(z.unknown());

const outcomeSchema = z.strictObject({
  status: z.enum(['ok', 'failed', 'denied', 'timeout', 'aborted', 'cached']),
  summary: z.string(),
});

const preflightSchema = z.strictObject({
  verdict: z.enum(['pass', 'fail']),
  checks: z.array(
    z.strictObject({
      check: z.string(),
      result: z.enum(['ok', 'fail', 'warn', 'unknown']),
      detail: z.string(),
      fix: z.string().optional(),
    }),
  ),
  undo: z.strictObject({ tool: z.string(), args: z.record(z.string(), z.unknown()) }).optional(),
});

/** A record line as read back from disk (docs/architecture.md, "Audit trail"): every key present, nothing else. */
export const auditRecordSchema: z.ZodType<AuditRecord> = z.strictObject({
  seq: z.number().int().positive(),
  ts: z.iso.datetime(),
  session: z.string(),
  parentSeq: z.number().int().positive().nullable(),
  origin: z.enum(['tui', 'agent', 'mcp-stdio', 'mcp-http', 'ask', 'cli', 'internal']),
  actor: actorSchema,
  profile: nullableText,
  cluster: nullableText,
  kind: z.enum(['call', 'decision', 'preflight', 'answer', 'result', 'grant', 'session-start', 'session-end']),
  tool: nullableText,
  args: z.unknown(),
  target: targetSchema.nullable(),
  verdict: z.enum(['allow', 'ask', 'deny']).nullable(),
  ruleId: nullableText,
  decidedBy: nullableText,
  outcome: outcomeSchema.nullable(),
  preflight: preflightSchema.optional(),
  prevHash: hex64,
  hash: hex64,
});
