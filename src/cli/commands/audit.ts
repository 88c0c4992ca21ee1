import { once } from 'node:events';
import fs from 'node:fs';
import {
  AuditVerifyError,
  describeDamage,
  formatAuditTable,
  parseSince,
  readAuditRecords,
  readStoredRecords,
  verifyAudit,
  type AuditFilter,
  type AuditRecord,
} from '../../audit/index.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { jsonForTerminal } from '../../shared/terminal-text.js';
import { printJson, printLine, type CommandContext } from '../io.js';

interface FilterOptions {
  session?: string;
  since?: string;
  tool?: string;
}

export async function auditShow(ctx: CommandContext, options: FilterOptions & { json?: boolean }): Promise<number> {
  const records: AuditRecord[] = [];
  for await (const record of readAuditRecords(ctx.paths.auditDir, toFilter(options))) records.push(record);
  if (options.json) {
    printJson(ctx.io.stdout, records);
  } else if (records.length > 0) {
    for (const line of formatAuditTable(records)) printLine(ctx.io.stdout, line);
  } else {
    const empty =
      !fs.existsSync(ctx.paths.auditDir) || !fs.readdirSync(ctx.paths.auditDir).some((name) => name.endsWith('.jsonl'));
    printLine(ctx.io.stderr, empty ? `no audit records yet (${ctx.paths.auditDir})` : 'no audit records match');
  }
  return ExitCode.ok;
}

export async function auditVerify(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const report = await verifyAudit(ctx.paths.auditDir);
  if (report.ok) {
    if (options.json) printJson(ctx.io.stdout, report);
    else
      printLine(
        ctx.io.stdout,
        `audit trail ok: ${count(report.records, 'record')}, ${count(report.sessions, 'session')}${report.first ? `, ${report.first} to ${report.last}` : ''}`,
      );
    return ExitCode.ok;
  }
  const before = report.records;
  const intact =
    before === 0
      ? 'no record before it'
      : before === 1
        ? 'the record before it verifies'
        : `the ${before} records before it verify`;
  const error = new AuditVerifyError(`audit trail damaged: ${describeDamage(report.damage)} (${intact})`);
  if (!options.json) throw error;
  printJson(ctx.io.stdout, { ...report, error: { code: error.code, message: error.message } });
  printLine(ctx.io.stderr, `proxmox-ai: ${error.message}`);
  return error.exitCode;
}

export async function auditExport(ctx: CommandContext, options: Pick<FilterOptions, 'since'>): Promise<number> {
  const out = ctx.io.stdout;
  // Records go out byte for byte (they are hashed as stored), except to a terminal, where characters it would act on are escaped.
  const shown = (out as NodeJS.WriteStream).isTTY ? jsonForTerminal : (line: string) => line;
  for await (const stored of readStoredRecords(ctx.paths.auditDir, toFilter(options))) {
    if (!out.write(`${shown(stored.line)}\n`)) await once(out, 'drain');
  }
  return ExitCode.ok;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function toFilter(options: FilterOptions): AuditFilter {
  return {
    ...(options.session === undefined ? {} : { session: options.session }),
    ...(options.since === undefined ? {} : { since: parseSince(options.since, new Date()) }),
    ...(options.tool === undefined ? {} : { tool: options.tool }),
  };
}
