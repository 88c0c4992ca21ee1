import { z } from 'zod';
import { categories } from './finding.js';

const lineWhere = z.enum(['task-log', 'journal', 'api-error', 'qm-cli']);

/** One failure signature as src/diagnose/signatures.json holds it (facts from the shared reference). */
const signatureDataSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  category: z.enum(categories),
  /** A wrapper line (e.g. `start failed: QEMU exited with code 1`) that accompanies a more specific one. */
  generic: z.boolean(),
  /** Regular expressions with named groups; the first is the main one. */
  patterns: z.array(z.string().min(1)).min(1),
  keyLine: z.number().int().min(0),
  cause: z.string(),
  fix: z.string(),
  lines: z.array(z.object({ text: z.string(), where: lineWhere })).min(1),
});

export type SignatureData = z.infer<typeof signatureDataSchema>;

export const signatureFileSchema = z.object({ signatures: z.array(signatureDataSchema).min(1) });
