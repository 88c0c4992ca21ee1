import type { z } from 'zod';

export type Validation<A> = { ok: true; args: A } | { ok: false; message: string };

/**
 * Parses the arguments a caller sent. The message names each bad field and
 * the form it must take, so a small model can correct itself.
 */
export function validateArgs<A>(tool: string, schema: z.ZodType<A>, raw: unknown): Validation<A> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, args: parsed.data };
  const problems = parsed.error.issues.slice(0, 4).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(arguments)';
    if (issue.code === 'unrecognized_keys') return `unknown argument(s) ${issue.keys.join(', ')}`;
    return `${field}: ${issue.message}`;
  });
  return { ok: false, message: `invalid arguments for ${tool}: ${problems.join('; ')}` };
}
