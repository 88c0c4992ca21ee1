import type { AuditRecord } from './types.js';

/** One row of `audit show`: a call with its decision, answer and result folded in, or a record of its own. */
export interface AuditRow {
  ts: string;
  origin: string;
  tool: string;
  target: string;
  verdict: string;
  decidedBy: string;
  outcome: string;
}

const folded = new Set(['decision', 'preflight', 'answer', 'result']);

export function auditRows(records: Iterable<AuditRecord>): AuditRow[] {
  const rows: AuditRow[] = [];
  const calls = new Map<number, AuditRow>();
  for (const record of records) {
    const call = record.parentSeq === null ? undefined : calls.get(record.parentSeq);
    if (call && folded.has(record.kind)) {
      foldInto(call, record);
      continue;
    }
    const row: AuditRow = {
      ts: record.ts,
      origin: record.origin,
      tool: record.kind === 'call' ? (record.tool ?? '-') : `(${record.kind})${record.tool ? ` ${record.tool}` : ''}`,
      target: describeTarget(record.target),
      verdict: record.verdict ?? '',
      decidedBy: record.decidedBy ?? '',
      outcome: record.outcome?.status ?? '',
    };
    rows.push(row);
    if (record.kind === 'call') calls.set(record.seq, row);
  }
  return rows;
}

function foldInto(row: AuditRow, record: AuditRecord): void {
  if (record.target && row.target === '-') row.target = describeTarget(record.target);
  if (record.kind === 'decision') {
    row.verdict = record.verdict ?? row.verdict;
    row.decidedBy = record.decidedBy ?? row.decidedBy;
  } else if (record.kind === 'answer') {
    // "ask:yes": the policy asked and the answer allowed it.
    row.verdict = `${row.verdict || 'ask'}:${record.verdict === 'allow' ? 'yes' : 'no'}`;
    row.decidedBy = record.decidedBy ?? row.decidedBy;
  } else {
    row.outcome = record.outcome?.status ?? row.outcome;
  }
}

function describeTarget(target: AuditRecord['target']): string {
  if (!target) return '-';
  if (target.vmid !== undefined && target.vmid !== null) return [target.vmid, target.name].filter(Boolean).join(' ');
  return target.node ?? '-';
}

const columns: Array<{ title: string; width: number; cell: (row: AuditRow) => string }> = [
  { title: 'TIME', width: 8, cell: (row) => row.ts.slice(11, 19) },
  { title: 'ORIGIN', width: 9, cell: (row) => row.origin },
  { title: 'TOOL', width: 16, cell: (row) => row.tool },
  { title: 'TARGET', width: 14, cell: (row) => row.target },
  { title: 'VERDICT', width: 7, cell: (row) => row.verdict },
  { title: 'DECIDED BY', width: 12, cell: (row) => row.decidedBy },
  { title: 'OUTCOME', width: 7, cell: (row) => row.outcome },
];

/** The table of `audit show`, 79 columns wide, oldest first, with a line for each new UTC day. */
export function formatAuditTable(records: Iterable<AuditRecord>): string[] {
  const lines = [
    columns
      .map((column) => column.title.padEnd(column.width))
      .join(' ')
      .trimEnd(),
  ];
  let day = '';
  for (const row of auditRows(records)) {
    if (row.ts.slice(0, 10) !== day) {
      day = row.ts.slice(0, 10);
      lines.push(`-- ${day} (UTC) --`);
    }
    lines.push(
      columns
        .map((column) => fit(column.cell(row), column.width))
        .join(' ')
        .trimEnd(),
    );
  }
  return lines;
}

function fit(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat.padEnd(width);
}
