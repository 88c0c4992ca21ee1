import { fenceAsData } from './fence.js';

/**
 * A change tool's read-only look before it acts: facts that make the call
 * certainly fail end it before anyone is asked; everything else becomes the
 * preview a confirmation shows. Passing never promises success.
 */

/** `fail`: the call would certainly fail; `warn`: a risk; `unknown`: the read behind it failed. */
export type CheckResult = 'ok' | 'fail' | 'warn' | 'unknown';

export interface PreflightCheck {
  /** What was checked, e.g. `template`, `memory`, `bridge vmbr1`. */
  check: string;
  result: CheckResult;
  /** The fact found, one line. */
  detail: string;
  /** For a failure: what would make the call succeed. */
  fix?: string;
}

/** A call that puts back what this call changes, recorded so `undo` can offer it. */
export interface UndoCall {
  tool: string;
  args: Record<string, unknown>;
}

export interface Preflight {
  checks: PreflightCheck[];
  /** At most six lines of at most 80 columns: state now and after, HA, agent, snapshots, backups, diff. */
  preview: string[];
  undo?: UndoCall;
  /** Reads run() must act on, so what runs is what was previewed (e.g. the config digest). */
  basis?: Record<string, unknown>;
}

export type PreflightVerdict = 'pass' | 'fail';

export const previewLineLimit = 6;
export const previewWidth = 80;

export function preflightVerdict(preflight: Preflight): PreflightVerdict {
  return preflight.checks.some((check) => check.result === 'fail') ? 'fail' : 'pass';
}

/** What the audit trail keeps of a preflight: what was checked and the verdict. */
export interface PreflightRecord {
  verdict: PreflightVerdict;
  checks: PreflightCheck[];
  undo?: UndoCall;
}

export function preflightRecord(preflight: Preflight): PreflightRecord {
  return {
    verdict: preflightVerdict(preflight),
    checks: preflight.checks,
    ...(preflight.undo ? { undo: preflight.undo } : {}),
  };
}

/**
 * The text a certain failure ends the call with: each failing fact and its fix. The facts name what the
 * cluster holds (guest, snapshot, bridge names, read errors), so they reach the model inside a data fence
 * (docs/architecture.md, "Safety rules").
 */
export function preflightFailureText(tool: string, preflight: Preflight): string {
  const failed = preflight.checks.filter((check) => check.result === 'fail');
  const lines = failed.map((check) => `- ${check.detail}${check.fix ? `; fix: ${check.fix}` : ''}`);
  return `${tool} was not run: its preflight found that it would certainly fail:\n${fenceAsData(`the preflight of ${tool}`, lines)}`;
}

/** Shapes preview lines for a confirmation: one line each, cut to the width, at most six. */
export function fitPreview(lines: readonly string[]): string[] {
  // Safety: names in a preview come from the cluster; control characters never reach a terminal or a form.
  const kept = lines
    .map((text) =>
      text
        .replace(/\s+/g, ' ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
        .trim(),
    )
    .filter((text) => text !== '');
  const fitted = kept.map((text) => (text.length > previewWidth ? `${text.slice(0, previewWidth - 3)}...` : text));
  if (fitted.length <= previewLineLimit) return fitted;
  return [...fitted.slice(0, previewLineLimit - 1), `(+${fitted.length - previewLineLimit + 1} more lines)`];
}

/** One line for the audit trail: the verdict with the first failure, or how many risks were found. */
export function preflightSummary(preflight: Preflight): string {
  const failed = preflight.checks.find((check) => check.result === 'fail');
  if (failed) return `fail: ${failed.detail}`;
  const count = (result: CheckResult) => preflight.checks.filter((check) => check.result === result).length;
  const notes = [
    count('warn') ? `${count('warn')} warning(s)` : '',
    count('unknown') ? `${count('unknown')} unknown` : '',
  ].filter(Boolean);
  return `pass: ${preflight.checks.length} check(s)${notes.length ? `, ${notes.join(', ')}` : ''}`;
}
