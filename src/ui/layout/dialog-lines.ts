import type { ConfirmRequest } from '../../core/approver.js';
import type { Glyphs } from '../glyphs.js';
import { sanitizeText } from '../text/sanitize.js';
import { boxed } from './boxed.js';
import { compactArgs, targetFacts } from './describe-target.js';
import { line, span, textLines, type Line } from './line.js';

export type DialogStep =
  { kind: 'keys' } | { kind: 'note'; note: string } | { kind: 'typed'; value: string; mismatch: boolean };

export interface DialogView {
  request: ConfirmRequest;
  /** The assistant text before the call, or null for a slash command the user typed. */
  modelReason: string | null;
  step: DialogStep;
  details: boolean;
}

/** What typed confirmation accepts: the guest's id or name, else the node, else the tool. */
export function typedAnswers(request: ConfirmRequest): string[] {
  const { target } = request;
  const guest = [target.vmid === undefined ? undefined : String(target.vmid), target.name].filter(
    (value): value is string => value !== undefined && value !== '',
  );
  if (guest.length > 0) return guest;
  return [target.node ?? request.tool];
}

/**
 * The confirmation dialog: the facts (tool, resolved target, validated
 * arguments, the preflight's preview, the rule that asked) first; the model's stated reason apart,
 * marked as its words; then the keys.
 */
export function confirmDialogLines(view: DialogView, width: number, glyphs: Glyphs): Line[] {
  const { request } = view;
  const inner = Math.max(4, width - 4);
  const field = (label: string, value: string) =>
    textLines(value, inner, 'plain', ' '.repeat(9), label.padEnd(9), 'dim');
  const body: Line[] = [
    ...textLines(`${request.title} (${request.tool}), risk ${request.risk}`, inner, 'heading', '', ''),
    ...field(
      'target',
      targetFacts(request.target)
        .map(([label, value]) => `${label} ${value}`)
        .join(', '),
    ),
    ...(view.details ? prettyArgs(request.args, inner) : field('args', compactArgs(request.args) || '{}')),
    ...(request.preview ?? []).flatMap((row, index) => field(index === 0 ? 'preview' : '', row)),
    ...field('rule', view.details ? sanitizeText(request.reason) : request.ruleId),
    ...reasonLines(view.modelReason, view.details, inner, glyphs),
    ...stepLines(view, inner, glyphs),
  ];
  const title = request.confirm === 'typed' ? 'Confirm (typed)' : 'Confirm';
  return boxed(title, body, width, glyphs, request.risk === 'destructive' ? 'deny' : 'ask');
}

function prettyArgs(args: Record<string, unknown>, inner: number): Line[] {
  const rows = sanitizeText(JSON.stringify(args, null, 2)).split('\n');
  return rows.flatMap((row, index) =>
    textLines(row, inner, 'plain', ' '.repeat(9), index === 0 ? 'args     ' : ' '.repeat(9), 'dim'),
  );
}

function reasonLines(reason: string | null, details: boolean, inner: number, glyphs: Glyphs): Line[] {
  if (reason === null) return [line(span('You asked for this with a slash command.', 'dim'))];
  if (reason === '') return [line(span('The model gave no reason before this call.', 'dim'))];
  const rows = textLines(`"${reason}"`, inner, 'dim', '  ');
  const shown = details ? rows : rows.slice(0, 3);
  const more = rows.length > shown.length ? [line(span(`  ${glyphs.ellipsis} (d shows all)`, 'dim'))] : [];
  return [
    line(span(`${glyphs.rule.repeat(2)} The model says (its words, not checked) ${glyphs.rule.repeat(2)}`, 'dim')),
    ...shown,
    ...more,
  ];
}

function stepLines(view: DialogView, inner: number, glyphs: Glyphs): Line[] {
  const { step } = view;
  const cursor = span(' ', 'cursor');
  switch (step.kind) {
    case 'keys': {
      const keys: Array<[string, string]> = [
        ['y', 'allow once'],
        ['a', 'allow for this session'],
        ['n', 'deny'],
        ['e', 'deny with a note'],
        ['d', view.details ? 'fewer details' : 'details'],
      ];
      return packKeys(keys, inner);
    }
    case 'note':
      return [
        line(span('Note for the model: ', 'ask'), span(sanitizeText(step.note)), cursor),
        line(span('Enter sends the denial with the note, Esc goes back, Tab details', 'dim')),
      ];
    case 'typed': {
      const answers = typedAnswers(view.request).map(sanitizeText).join(' or ');
      const rows = [
        line(span(`Type ${answers} to confirm: `, 'ask'), span(sanitizeText(step.value)), cursor),
        line(span('Enter submits, Esc denies, Tab details', 'dim')),
      ];
      if (step.mismatch) rows.push(line(span(`${glyphs.failed} that is not ${answers}`, 'failed')));
      return rows;
    }
  }
}

/** "[y] allow once  [n] deny ..." in as few rows as fit. */
function packKeys(keys: ReadonlyArray<[string, string]>, inner: number): Line[] {
  const rows: Line[] = [];
  let current: Line = line();
  let used = 0;
  for (const [key, what] of keys) {
    const width = key.length + what.length + 5;
    if (used > 0 && used + width > inner) {
      rows.push(current);
      current = line();
      used = 0;
    }
    current.segments.push(span(`[${key}]`, 'ask'), span(` ${what}  `));
    used += width;
  }
  rows.push(current);
  return rows;
}

/** The question at the step limit: continue, wrap up, or stop. */
export function stepLimitLines(width: number, glyphs: Glyphs): Line[] {
  const inner = Math.max(4, width - 4);
  const body = [
    ...textLines('The model has used all its tool rounds for this question (ai.maxSteps).', inner, 'plain', '', ''),
    line(
      span('[c]', 'ask'),
      span(' continue  '),
      span('[w]', 'ask'),
      span(' wrap up: answer with what it has  '),
      span('[s]', 'ask'),
      span(' stop'),
    ),
  ];
  return boxed('Step limit reached', body, width, glyphs, 'ask');
}
