import picomatch from 'picomatch';
import { dayFileOf, listDayFiles } from './day-files.js';
import { readTrailLines } from './trail-lines.js';
import type { AuditRecord } from './types.js';

export interface AuditFilter {
  session?: string;
  /** Records at or after this time. */
  since?: Date;
  /** A glob over tool names, e.g. `*_vm` or `{start,stop}_vm`; records without a tool never match. */
  tool?: string;
}

/** A record with the line it was read from, byte for byte, for export. */
export interface StoredRecord {
  record: AuditRecord;
  line: string;
}

/**
 * The records that match, oldest first. Lines that are not well-formed
 * records (a torn tail, damage) are skipped: `verifyAudit` is the judge of
 * integrity, this is for reading.
 */
export async function* readStoredRecords(dir: string, filter: AuditFilter = {}): AsyncGenerator<StoredRecord> {
  const matches = recordMatcher(filter);
  // A record's day file is never older than its ts (the sink only moves forward), so older files can be skipped.
  const firstFile = filter.since ? dayFileOf(filter.since) : '';
  const files = listDayFiles(dir)
    .filter((file) => file >= firstFile)
    .map((name) => ({ name }));
  for await (const line of readTrailLines(dir, files)) {
    const parsed = line.parsed;
    if (parsed?.status === 'valid' && matches(parsed.record)) yield { record: parsed.record, line: line.text };
  }
}

export async function* readAuditRecords(dir: string, filter: AuditFilter = {}): AsyncGenerator<AuditRecord> {
  for await (const stored of readStoredRecords(dir, filter)) yield stored.record;
}

function recordMatcher(filter: AuditFilter): (record: AuditRecord) => boolean {
  const toolMatches = filter.tool === undefined ? null : picomatch(filter.tool);
  const since = filter.since?.getTime();
  return (record) =>
    (filter.session === undefined || record.session === filter.session) &&
    (since === undefined || Date.parse(record.ts) >= since) &&
    (toolMatches === null || (record.tool !== null && toolMatches(record.tool)));
}
