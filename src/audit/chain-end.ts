import { AuditWriteError } from './audit-write-error.js';
import type { HeadState } from './head.js';
import { genesisHash } from './record.js';
import type { TrailTail } from './tail.js';

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
export function chainEnd(tail: TrailTail, head: HeadState): ChainLink {
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
