import type { Target, ToolContext, ToolResult } from '../../src/core/tool.js';
import type { ConfigChanges } from '../../src/proxmox/schemas/index.js';
import { runGuestTask } from './guest-task.js';
import { guestLabel, guestRef } from './guests.js';

/** One config key before and after, as the preview and the result name it. */
export interface KeyChange {
  key: string;
  from: string | number | boolean | undefined;
  to: string | number | boolean;
}

export function diffLine(change: KeyChange, unit = ''): string {
  const show = (value: KeyChange['from']) => (value === undefined ? '(unset)' : `${String(value)}${unit}`);
  return `change: ${change.key} ${show(change.from)} -> ${show(change.to)}`;
}

/**
 * Writes config keys with the digest the preview was built from, so an edit
 * made by someone else since then fails the call instead of being
 * overwritten. Uses the asynchronous config API and follows its task.
 */
export async function writeConfig(
  ctx: ToolContext,
  target: Target,
  keys: ConfigChanges,
  changes: readonly KeyChange[],
): Promise<ToolResult> {
  const ref = guestRef(target);
  const digest =
    typeof ctx.preflight?.basis?.digest === 'string'
      ? ctx.preflight.basis.digest
      : String((await ctx.proxmox.guests.config(ref, { signal: ctx.signal })).digest ?? '');
  const what = changes.map((change) => `${change.key} ${String(change.from ?? '(unset)')} -> ${String(change.to)}`);
  const result = await runGuestTask(ctx, target, 'update config of', () =>
    ctx.proxmox.guests.setConfig(ref, keys, digest ? { digest } : {}, { signal: ctx.signal }),
  );
  if (result.failed) return result;
  return {
    text: `${guestLabel(target)} on ${target.node}: ${what.join(', ')}`,
    summary: `${guestLabel(target)}: ${what.join(', ')}`,
    structured: { ...result.structured, changes },
  };
}
