import { z } from 'zod';

/**
 * Proxmox's wire scalars: booleans are 0/1, many
 * numbers arrive as strings, tags are one `;`-separated string. These parse
 * them once, at the boundary, into what the rest of the code expects.
 */

export const pveBoolean = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
  .transform((value) => value === true || value === 1 || value === '1');

export const pveNumber = z.union([
  z.number(),
  z
    .string()
    .regex(/^\s*-?\d+(\.\d+)?\s*$/, 'a number')
    .transform(Number),
]);

export const pveInteger = pveNumber.pipe(z.number().int());

/** `prod;web` (the API also accepts `,` and spaces) into `['prod', 'web']`. */
export const pveTags = z.string().transform((value) => value.split(/[;,\s]+/).filter((tag) => tag.length > 0));

/** `images,rootdir` into `['images', 'rootdir']`. */
export const pveList = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0),
);

/** Proxmox sends optional keys only in some states, and leaves them out otherwise (never null). */
export function maybe<T extends z.ZodType>(schema: T) {
  return schema.optional();
}

/** The `/api2/json` envelope; the journal's `{data, success}` fits it too. */
export const EnvelopeSchema = z.looseObject({
  data: z.unknown(),
  message: z.string().optional(),
  errors: z.record(z.string(), z.string()).optional(),
  total: z.number().optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** Data plus the envelope's `total`, for the paged lists (task log, syslog, tasks). */
export interface Page<T> {
  data: T;
  total: number | undefined;
}
