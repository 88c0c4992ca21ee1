import { fitPreview, type Preflight } from './preflight.js';
import { runBounded } from './run-bounded.js';
import type { AnyTool, ToolContext } from './tool.js';

export type PreflightRun = { kind: 'done'; preflight: Preflight } | { kind: 'aborted' };

/**
 * Runs a tool's preflight within the read time limit. A preflight that cannot
 * finish proves nothing: it becomes an `unknown` check and a preview line
 * saying so, and the call goes on to its confirmation.
 */
export async function runPreflight(
  tool: AnyTool,
  args: Record<string, unknown>,
  limitMs: number,
  signal: AbortSignal,
  context: (signal: AbortSignal) => ToolContext,
): Promise<PreflightRun> {
  const outcome = await runBounded(limitMs, signal, (callSignal) => tool.preflight!(args, context(callSignal)));
  switch (outcome.kind) {
    case 'done':
      return { kind: 'done', preflight: { ...outcome.value, preview: fitPreview(outcome.value.preview) } };
    case 'aborted':
      return { kind: 'aborted' };
    case 'timeout':
      return unknown(`did not finish within ${Math.round(limitMs / 1000)} s`);
    case 'error':
      return unknown(outcome.message);
  }
}

function unknown(why: string): PreflightRun {
  return {
    kind: 'done',
    preflight: {
      checks: [{ check: 'preflight', result: 'unknown', detail: `preflight could not run: ${why}` }],
      preview: fitPreview([`preflight: unknown (${why})`]),
    },
  };
}
