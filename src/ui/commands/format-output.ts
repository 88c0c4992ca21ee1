import type { AuditLine, HeaderInfo, PolicySummary } from '../backend.js';
import { commandTable } from './command-table.js';

export const keyHelp: readonly string[] = [
  'Enter send · Tab complete · Up/Down history · Ctrl-A/Ctrl-E line start/end · Ctrl-U clear',
  'PgUp/PgDn/Home/End scroll · Enter on an empty line: details of the marked tool card',
  'Esc or Ctrl-C abort the running turn · Ctrl-C twice within 2 s quits',
  'Ctrl-T or /top: live view · arrows select · 1-8 sort · / filter · Enter diagnose · u/d/x/b power · Esc back',
  'Dialog: y allow once · a allow for this session · n deny · e deny with a note · d details',
];

export function helpLines(): string[] {
  const width = Math.max(...commandTable.map((command) => command.usage.length));
  return [...commandTable.map((command) => `${command.usage.padEnd(width)}  ${command.summary}`), '', ...keyHelp];
}

export function auditLines(lines: readonly AuditLine[]): string[] {
  if (lines.length === 0) return ['(no audit records yet)'];
  return lines.map((entry) => {
    const time = entry.ts.slice(11, 19);
    const what = [entry.tool ?? '-', entry.target].filter((part) => part !== '').join(' ');
    const decision = [entry.verdict, entry.decidedBy === null ? null : `by ${entry.decidedBy}`]
      .filter((part) => part !== null)
      .join(' ');
    return [`#${entry.seq}`, time, entry.origin, what, decision, entry.outcome ?? '']
      .filter((part) => part !== '')
      .join('  ');
  });
}

export function policyLines(summary: PolicySummary): string[] {
  const rules = summary.rules.map((rule) => `${rule.id}: ${rule.verdict} (${rule.source})`);
  const grants =
    summary.grants.length === 0
      ? ['(none)']
      : summary.grants.map((grant) => `${grant.tool} on ${grant.target} (audit #${grant.seq})`);
  return [
    'Rules, first match wins:',
    ...rules.map((rule) => `  ${rule}`),
    'Grants for this session:',
    ...grants.map((grant) => `  ${grant}`),
  ];
}

export function modelLines(header: HeaderInfo): string[] {
  const model = header.model ?? '(none: start Ollama and pull a model)';
  return [
    `model ${model}, context ${header.contextLength} tokens`,
    'Switch with /model NAME (an installed Ollama model).',
  ];
}
