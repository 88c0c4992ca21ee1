import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isDayFile } from './day-files.js';

/** `audit/HEAD`: the last acknowledged record, so a cut tail is detectable. */
export interface AuditHead {
  seq: number;
  hash: string;
  /** The day file that record is in. */
  file: string;
}

export const headFileName = 'HEAD';

const headSchema = z.strictObject({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  file: z.string().refine(isDayFile, 'not a day file name'),
});

export type HeadState =
  { status: 'missing' } | { status: 'unreadable'; reason: string } | { status: 'present'; head: AuditHead };

export function readHead(dir: string): HeadState {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, headFileName), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { status: 'unreadable', reason: 'not valid JSON' };
  }
  const parsed = headSchema.safeParse(data);
  return parsed.success
    ? { status: 'present', head: parsed.data }
    : { status: 'unreadable', reason: parsed.error.issues[0]?.message ?? 'invalid' };
}

export function formatHead(head: AuditHead): string {
  return `${JSON.stringify(head)}\n`;
}
