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
  verifyCopy,
  type AuditFilter,
  type AuditRecord,
} from '../../audit/index.js';
import { UsageError } from '../../shared/errors.js';
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

/** `audit verify [--file COPY]`: the local trail, or a receiver's copy of it (which may repeat records). */
export async function auditVerify(ctx: CommandContext, options: { json?: boolean; file?: string }): Promise<number> {
  if (options.file !== undefined) readableFile(options.file);
  const report = options.file === undefined ? await verifyAudit(ctx.paths.auditDir) : await verifyCopy(options.file);
  const what = options.file === undefined ? 'audit trail' : 'audit copy';
  if (report.ok) {
    const repeats = report.repeats ? ` (${count(report.repeats, 'repeated record')} skipped)` : '';
    const span = report.first ? `, ${report.first} to ${report.last}, last hash ${report.lastHash.slice(0, 16)}` : '';
    if (options.json) printJson(ctx.io.stdout, report);
    else
      printLine(
        ctx.io.stdout,
        `${what} ok: ${count(report.records, 'record')}${repeats}, ${count(report.sessions, 'session')}${span}`,
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
  const error = new AuditVerifyError(`${what} damaged: ${describeDamage(report.damage)} (${intact})`);
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

function readableFile(file: string): void {
  try {
    if (!fs.statSync(file).isFile()) throw new UsageError(`--file ${file} is not a file`);
    fs.accessSync(file, fs.constants.R_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
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
