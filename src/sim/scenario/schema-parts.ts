import { z } from 'zod';

/** Building blocks shared by the node and guest parts of the scenario schema (docs/scenarios.md). */

export const NodeName = z
  .string()
  .regex(/^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$/, 'a node name: letters, digits and "-"')
  .describe('node name, as in /nodes/{node}');

export const Vmid = z.number().int().min(100).max(999_999_999).describe('guest id, 100 to 999999999');

export const Timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 time, e.g. 2026-11-20T03:00:00Z');

/** `USER@REALM`, as Proxmox spells user ids. */
export const UserId = z.string().regex(/^[^\s:/@]+@[A-Za-z][A-Za-z0-9.\-_]+$/, 'a user id like root@pam');

/** `USER@REALM!TOKENID`. */
export const TokenId = z
  .string()
  .regex(/^[^\s:/@]+@[A-Za-z][A-Za-z0-9.\-_]+![A-Za-z][A-Za-z0-9.\-_]+$/, 'a token id like root@pam!sim');

/** ACL path -> privileges granted there (and, in the simulator, below it). */
export const PrivilegeMap = z
  .record(z.string().regex(/^\/[^\s]*$/, 'an ACL path such as / or /vms/101'), z.array(z.string().min(1)))
  .describe('ACL path -> privileges, e.g. { "/": ["Sys.Audit"], "/vms/101": ["VM.PowerMgmt"] }');

/**
 * One finished task as the history holds it. `status` is `OK`, `WARNINGS: n`
 * or the error text; `log` holds the worker's lines (the final `TASK ...`
 * line is added when missing).
 */
export const HistoryTask = z.strictObject({
  type: z.string().regex(/^[^:\s/]+$/, 'a task type such as qmstart'),
  id: z
    .string()
    .regex(/^[^:\s/]*$/)
    .optional()
    .describe('task object id; defaults to the guest vmid or empty'),
  user: z
    .string()
    .regex(/^[^:\s/]+$/)
    .default('root@pam'),
  startedAt: Timestamp,
  endedAt: Timestamp.optional().describe('defaults to startedAt + 2 s'),
  status: z
    .string()
    .min(1)
    .optional()
    .describe('OK, WARNINGS: n or the error text; defaults from the last log line, else OK'),
  log: z.array(z.string()).default([]),
});

export type HistoryTask = z.output<typeof HistoryTask>;
