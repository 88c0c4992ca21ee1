import { z } from 'zod';
import { isUpid, type UpidString } from '../upid.js';
import { maybe, pveInteger, pveNumber } from './wire.js';

export type { UpidString };
export const UpidSchema = z.string().refine(isUpid, 'a UPID');

/** Filters of `GET /nodes/{node}/tasks`. */
export interface TaskFilter {
  start?: number;
  limit?: number;
  vmid?: number;
  typefilter?: string;
  userfilter?: string;
  statusfilter?: string;
  errors?: boolean;
  source?: 'archive' | 'active' | 'all';
  since?: number;
  until?: number;
}

/** Lines `start` (0-based) to `start + limit` of a task log. */
export interface LogRange {
  start?: number;
  limit?: number;
}

/** One task of `/nodes/{node}/tasks` or `/cluster/tasks`; `status` is set once it ended. */
export const TaskSummarySchema = z.looseObject({
  upid: UpidSchema,
  node: z.string(),
  type: z.string(),
  id: z.string(),
  user: z.string(),
  starttime: pveNumber,
  endtime: maybe(pveNumber),
  status: maybe(z.string()),
  tokenid: maybe(z.string()),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const TaskStatusSchema = z.looseObject({
  upid: UpidSchema,
  node: z.string(),
  status: z.enum(['running', 'stopped']),
  /** `OK`, `WARNINGS: n`, or the error text without `TASK ERROR: `. */
  exitstatus: maybe(z.string()),
  type: z.string(),
  id: z.string(),
  user: z.string(),
  starttime: pveNumber,
});
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** A numbered line of a task log or of the syslog (`n` is 1-based). */
const LogLineSchema = z.object({ n: pveInteger, t: z.string() });
export type LogLine = z.infer<typeof LogLineSchema>;
export const LogLinesSchema = z.array(LogLineSchema);
