import { chainsTo, type AuditDamage, type ChainPoint, type DamageKind } from './damage.js';
import { dayOfFile } from './day-files.js';
import type { AuditRecord } from './types.js';
import type { TrailLine } from './trail-lines.js';

export interface DamageScene {
  /** The last record that verified. */
  previous: ChainPoint;
  /** The first line that does not continue the chain from `previous`. */
  current: TrailLine;
  /** The lines after `current`; read as far as needed to tell the kinds apart. */
  rest: AsyncIterator<TrailLine>;
  /** The hash audit/HEAD records, if any: the last record is referenced by it. */
  headHash: string | null;
}

const dayMs = 86_400_000;

/** Names the kind of damage at the first line that breaks the chain. */
export async function classifyDamage(scene: DamageScene): Promise<AuditDamage> {
  const { previous, current } = scene;
  const at = (kind: DamageKind, seq: number | null, message: string): AuditDamage => ({
    kind,
    file: current.file,
    line: current.line,
    seq,
    message,
  });
  if (!current.terminated || !current.parsed)
    return at('truncated', null, 'the line is cut short: a write was interrupted, or the end of the file was cut');
  const parsed = current.parsed;
  const seq = parsed.status === 'malformed' ? null : parsed.record.seq;
  const next = await scene.rest.next();
  const following = next.done ? null : next.value;
  const followingRecord = following?.parsed?.status === 'valid' ? following.parsed.record : null;
  if (!following && scene.headHash === previous.hash) {
    return at('inserted', seq, `this line comes after seq ${previous.seq}, the last record audit/HEAD records`);
  }
  if (parsed.status !== 'valid') {
    if (followingRecord && chainsTo(previous, followingRecord))
      return at(
        'inserted',
        null,
        `this line is not part of the chain: the next record continues from seq ${previous.seq}`,
      );
    return at('edited', seq, parsed.status === 'malformed' ? parsed.reason : 'its hash does not match its content');
  }
  const record = parsed.record;
  if (record.seq <= previous.seq)
    return at('inserted', record.seq, `seq ${record.seq} appears again after seq ${previous.seq}`);
  if (record.seq === previous.seq + 1) {
    if (followingRecord?.seq === record.seq && chainsTo(previous, followingRecord)) {
      return at('inserted', record.seq, `a second record claims seq ${record.seq}; the next one continues the chain`);
    }
    return at('edited', record.seq, `it does not chain to seq ${previous.seq}: one of the two was altered`);
  }
  const later = await scanRest(following, scene.rest, previous.seq + 1, record);
  if (later.duplicate) return at('inserted', record.seq, 'a copy of a record that appears later, out of place');
  if (later.found) {
    return later.referenced || scene.headHash === record.hash
      ? at('reordered', record.seq, `it comes before seq ${previous.seq + 1}, which appears later`)
      : at('inserted', record.seq, `nothing chains to it, and the chain continues from seq ${previous.seq} later`);
  }
  const missing =
    record.seq - 1 === previous.seq + 1
      ? `seq ${previous.seq + 1} is`
      : `seq ${previous.seq + 1} to ${record.seq - 1} are`;
  if (current.line === 1 && previous.file !== null && wholeDayBetween(previous.file, current.file)) {
    return at(
      'missing-day-file',
      record.seq,
      `${missing} missing between ${previous.file} and ${current.file}: a day file was deleted (or lines at their edges were)`,
    );
  }
  return at('removed', record.seq, `${missing} missing before it`);
}

/** Reads the rest: is `wanted` there, does a later record chain to `record`, is `record` a copy of a later one? */
async function scanRest(first: TrailLine | null, rest: AsyncIterator<TrailLine>, wanted: number, record: AuditRecord) {
  const found = { found: false, referenced: false, duplicate: false };
  const look = (line: TrailLine) => {
    if (line.parsed?.status !== 'valid') return;
    const other = line.parsed.record;
    if (other.seq === wanted) found.found = true;
    if (other.prevHash === record.hash) found.referenced = true;
    if (other.seq === record.seq && other.hash === record.hash) found.duplicate = true;
  };
  if (first) look(first);
  for (let next = await rest.next(); !next.done; next = await rest.next()) look(next.value);
  return found;
}

function wholeDayBetween(earlier: string, later: string): boolean {
  return dayOfFile(later).getTime() - dayOfFile(earlier).getTime() > dayMs;
}
