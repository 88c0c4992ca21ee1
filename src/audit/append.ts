import path from 'node:path';
import { chainEnd, type ChainLink } from './chain-end.js';
import { dayFileOf } from './day-files.js';
import { appendDurably, appendThenReplace, truncateDurably } from './durable.js';
import { recordFromEntry } from './entry-record.js';
import { formatHead, headFileName, readHead } from './head.js';
import type { AssertLockHeld } from './lock.js';
import { sha256Hex } from './record.js';
import type { Redactor } from './redact.js';
import { readTrailTail, type TornTail } from './tail.js';
import type { AuditEntry } from './types.js';

export interface AppendDeps {
  dir: string;
  now: () => Date;
  redactor: Redactor;
  assertHeld: AssertLockHeld;
}

/**
 * One append, run while holding the lock: read the end of the chain from disk
 * (never from memory: other processes append too), repair a torn tail, write
 * the record durably, then move HEAD.
 */
export async function appendUnderLock(entry: AuditEntry, deps: AppendDeps): Promise<ChainLink> {
  const { dir, now, redactor, assertHeld } = deps;
  const tail = readTrailTail(dir);
  let end = chainEnd(tail, readHead(dir));
  const ts = now();
  // Safety: a clock stepping back never sends a record to an older day file, which would put file order out of chain order.
  const today = dayFileOf(ts);
  const file = path.join(dir, tail.newestFile && tail.newestFile > today ? tail.newestFile : today);
  const seal = (next: AuditEntry) =>
    recordFromEntry(next, { seq: end.seq + 1, ts: ts.toISOString(), prevHash: end.hash }, redactor);
  let exists = tail.newestFile !== null && file === path.join(dir, tail.newestFile);
  if (tail.torn) {
    const repair = seal(repairEntry(entry, tail.torn, end));
    assertHeld();
    truncateDurably(path.join(dir, tail.torn.file), tail.torn.offset);
    appendDurably({ file, text: repair.line, exists });
    end = { seq: repair.record.seq, hash: repair.record.hash };
    exists = true;
  }
  const { record, line } = seal(entry);
  const written: ChainLink = { seq: record.seq, hash: record.hash };
  assertHeld();
  await appendThenReplace(
    { file, text: line, exists },
    { file: path.join(dir, headFileName), text: formatHead({ ...written, file: path.basename(file) }) },
  );
  return written;
}

/**
 * The record of a repair: the bytes of a write cut short by a crash were
 * removed. They were never acknowledged (a record is acknowledged only after
 * its full line is fsynced), so no acknowledged record is lost; the repair
 * itself stays visible in the chain with the removed bytes' length and hash.
 */
function repairEntry(trigger: AuditEntry, torn: TornTail, end: ChainLink): AuditEntry {
  return {
    session: trigger.session,
    parentSeq: null,
    origin: 'internal',
    actor: trigger.actor,
    profile: trigger.profile,
    cluster: trigger.cluster,
    kind: 'result',
    tool: null,
    args: {
      repair: 'torn-tail',
      file: torn.file,
      offset: torn.offset,
      bytes: torn.bytes.length,
      sha256: sha256Hex(torn.bytes),
    },
    outcome: {
      status: 'aborted',
      summary: `removed ${torn.bytes.length} bytes of an unfinished write after seq ${end.seq} in ${torn.file} (a writer stopped mid-record; nothing acknowledged was lost)`,
    },
  };
}
