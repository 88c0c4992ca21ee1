import path from 'node:path';
import { AuditWriteError } from './audit-write-error.js';
import { dayFileOf } from './day-files.js';
import { appendDurably, appendThenReplace, truncateDurably } from './durable.js';
import { recordFromEntry } from './entry-record.js';
import { formatHead, headFileName, readHead, type HeadState } from './head.js';
import type { AssertLockHeld } from './lock.js';
import { genesisHash, sha256Hex } from './record.js';
import type { Redactor } from './redact.js';
import { readTrailTail, type TornTail, type TrailTail } from './tail.js';
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

/** The record a new one chains to. */
export interface ChainLink {
  seq: number;
  hash: string;
}

const advice = "run 'proxmox-ai audit verify' to see the damage; to start a new trail, move the audit directory aside";

/**
 * Decides what the next record builds on, from the files and HEAD read under
 * the lock. The files are the truth; HEAD may lag behind them (a writer
 * stopped, or failed, between fsync and moving HEAD) but never be ahead.
 *
 * Safety: any sign that acknowledged records were removed or altered stops
 * the append. Building on it would bury the damage under a valid-looking chain.
 */
function chainEnd(tail: TrailTail, head: HeadState): ChainLink {
  const last = tail.last;
  if (last && last.parsed.status !== 'valid') {
    throw damaged(
      `the last record in ${last.file} is damaged (${last.parsed.status === 'malformed' ? last.parsed.reason : 'its hash does not match'})`,
    );
  }
  const end: ChainLink =
    last?.parsed.status === 'valid'
      ? { seq: last.parsed.record.seq, hash: last.parsed.record.hash }
      : { seq: 0, hash: genesisHash };
  if (head.status === 'unreadable') throw damaged(`audit/HEAD is unreadable (${head.reason})`);
  if (head.status === 'missing') {
    // The very first append may have stopped between writing its record and creating HEAD.
    if (end.seq > 1) throw damaged('audit/HEAD is missing');
    return end;
  }
  if (head.head.seq > end.seq)
    throw damaged(`audit/HEAD records seq ${head.head.seq} but the day files end at seq ${end.seq}`);
  if (head.head.seq === end.seq && head.head.hash !== end.hash)
    throw damaged(`the record with seq ${end.seq} differs from the one audit/HEAD records`);
  return end;
}

function damaged(what: string): AuditWriteError {
  return new AuditWriteError(`the audit trail is damaged: ${what}; ${advice}`, 'audit.damaged');
}
