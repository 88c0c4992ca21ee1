import { cardFix } from '../state/fix-action.js';
import type { CallStatus } from '../../core/call-outcome.js';
import type { Glyphs } from '../glyphs.js';
import type { ToolEntry } from '../state/entries.js';
import { compactArgs, shortTarget, targetFacts } from './describe-target.js';
import { line, span, textLines, type Line, type Segment, type Tone } from './line.js';
import { dataForPeople } from '../text/data-for-people.js';
import { fitTextTables } from '../text/fit-table.js';

const statusTone: Record<CallStatus, Tone> = {
  ok: 'ok',
  cached: 'ok',
  failed: 'failed',
  invalid: 'failed',
  timeout: 'failed',
  aborted: 'warning',
  denied: 'denied',
};
const statusGlyph: Record<CallStatus, 'ok' | 'failed' | 'denied'> = {
  ok: 'ok',
  cached: 'ok',
  failed: 'failed',
  invalid: 'failed',
  timeout: 'failed',
  aborted: 'failed',
  denied: 'denied',
};
/** A tool's output beyond this many rows is cut in the transcript; the audit trail and the tool keep all of it. */
const maxOutputRows = 2000;

/** A tool card: status, tool, target and verdict; the outcome; with details when expanded. */
export function toolCardLines(card: ToolEntry, width: number, glyphs: Glyphs): Line[] {
  const header = line(
    statusSegment(card, glyphs),
    span(' '),
    span(`${card.expanded ? glyphs.expanded : glyphs.collapsed} `, 'dim'),
    span(card.tool, 'tool'),
    span(` ${shortTarget(card.target, card.args)}`),
    ...verdictSegments(card, glyphs),
  );
  const lines = [header, line(span(`  ${glyphs.branch} `, 'dim'), summarySegment(card))];
  if (card.expanded) lines.push(...detailLines(card, width));
  // A slash command's output is what the user asked for: shown without expanding (a denial's text is for the model).
  if (card.expanded || (card.origin === 'tui' && card.outcome?.status !== 'denied'))
    lines.push(...outputLines(card, width));
  return lines;
}

function statusSegment(card: ToolEntry, glyphs: Glyphs): Segment {
  if (card.outcome) return span(glyphs[statusGlyph[card.outcome.status]], statusTone[card.outcome.status]);
  if (card.verdict === 'ask') return span(glyphs.pending, 'ask');
  return { text: glyphs.spinner[0]!, tone: 'tool', spinner: true };
}

function verdictSegments(card: ToolEntry, glyphs: Glyphs): Segment[] {
  if (!card.verdict) return [];
  const sep = span(` ${glyphs.separator} `, 'dim');
  const first = span(card.verdict, card.verdict);
  const answer = card.outcome?.decidedBy;
  if (card.verdict === 'ask' && answer !== undefined && answer !== card.decidedBy) {
    const allowed = card.outcome!.verdict !== 'deny' && card.outcome!.status !== 'denied';
    return [
      sep,
      first,
      span(` ${glyphs.arrow} `),
      span(`${allowed ? 'allowed' : 'denied'} by ${answer}`, allowed ? 'allow' : 'deny'),
    ];
  }
  return [sep, first, span(card.decidedBy ? ` by ${card.decidedBy}` : '', 'dim')];
}

function summarySegment(card: ToolEntry): Segment {
  if (card.outcome) return span(`${card.outcome.status}: ${card.outcome.summary}`, statusTone[card.outcome.status]);
  if (card.verdict === 'ask') return span('waiting for your confirmation', 'ask');
  return span(card.progress ?? 'running', 'dim');
}

function detailLines(card: ToolEntry, width: number): Line[] {
  const field = (label: string, value: string, tone: Tone = 'plain') =>
    textLines(value, width, tone, ' '.repeat(12), `    ${label.padEnd(8)}`, 'dim');
  const lines: Line[] = [];
  lines.push(...field('args', compactArgs(card.args) || '{}'));
  if (card.target)
    lines.push(
      ...field(
        'target',
        targetFacts(card.target)
          .map(([label, value]) => `${label} ${value}`)
          .join(', '),
      ),
    );
  if (card.ruleId) lines.push(...field('rule', card.ruleId));
  if (card.reason !== '') lines.push(...field('model', `"${card.reason}" (the model's words, not checked)`, 'dim'));
  const fix = cardFix(card);
  if (fix) lines.push(...field('fix', `f: apply fix (${fix.tool} ${compactArgs(fix.args)})`, 'ask'));
  return lines;
}

function outputLines(card: ToolEntry, width: number): Line[] {
  if (!card.outcome || card.outcome.text.trim() === '' || card.outcome.text.trim() === card.outcome.summary.trim())
    return [];
  const rows = textLines(fitTextTables(dataForPeople(card.outcome.text), width - 4), width, 'plain', '    ');
  if (rows.length <= maxOutputRows) return rows;
  return [
    ...rows.slice(0, maxOutputRows),
    line(span(`    (${rows.length - maxOutputRows} more rows not shown)`, 'dim')),
  ];
}
