import { explainLines } from '../../src/diagnose/diagnose-guest.js';
import type { GuestEvidence } from '../../src/diagnose/evidence.js';
import type { Category } from '../../src/diagnose/finding.js';
import { mentionedVmids } from '../../src/diagnose/guest-mentions.js';
import type { ObservedLine } from '../../src/diagnose/observed-line.js';
import type { Signature, SignatureBook } from '../../src/diagnose/signature-book.js';

/** A failure as it would be read: its lines (task log first, journal lines after) and where each came from. */
export interface LinesCase {
  lines: ReadonlyArray<{ text: string; where: string }>;
  expected: Category;
}

/** One real failure line of test/fixtures/diagnosis/failure-corpus.json. */
export interface CorpusLine {
  text: string;
  category: Category;
  where: 'task-log' | 'journal' | 'api-error';
  /** Where the line was seen or the source that prints it. */
  source: string;
}

export function corpusCases(corpus: readonly CorpusLine[]): Array<LinesCase & { label: string }> {
  return corpus.map((line) => ({ label: line.text, expected: line.category, lines: [line] }));
}

export interface Miss {
  label: string;
  expected: Category;
  got: Category | 'none';
  line: string;
}

export interface Score {
  hits: number;
  total: number;
  misses: Miss[];
}

/** The category of the top finding for lines alone: no config, no node facts, as a bare log would be read. */
export function categoryOfLines(book: SignatureBook, lines: LinesCase['lines']): Category | undefined {
  const texts = lines.map((line) => line.text);
  const vmid = [...mentionedVmids(texts.join('\n'))][0] ?? 100;
  const type = texts.some((text) => /\bCT\b|\bcontainer\b|\blxc\b/i.test(text)) ? 'lxc' : 'qemu';
  // Journal lines are taken as read in the window of the failed task, where they join its lines.
  const observed: ObservedLine[] = lines.map((line) => ({
    text: line.text,
    source: line.where === 'journal' ? 'journal' : 'task-log',
    group: 'UPID:measure',
    scope: 'guest',
  }));
  return explainLines(bareEvidence(vmid, type), observed, book).findings[0]?.category;
}

/** Each signature removed in turn, its own lines diagnosed with the rest of the book. */
export function leaveOneOut(book: SignatureBook): Score {
  return tally(
    book.all.map((left) => ({
      label: left.id,
      expected: left.category,
      got: categoryOfLines(without(book, left), left.data.lines),
      line: left.data.lines[left.data.keyLine]?.text ?? '',
    })),
  );
}

/** Cases from outside the book, each diagnosed with the whole book. */
export function scoreCases(book: SignatureBook, cases: ReadonlyArray<LinesCase & { label: string }>): Score {
  return tally(
    cases.map((item) => ({
      label: item.label,
      expected: item.expected,
      got: categoryOfLines(book, item.lines),
      line: item.lines[0]?.text ?? '',
    })),
  );
}

/** Hits and misses of diagnosed cases. */
function tally(results: Array<{ label: string; expected: Category; got: Category | undefined; line: string }>): Score {
  const score: Score = { hits: 0, total: results.length, misses: [] };
  for (const { got, ...result } of results) {
    if (got === result.expected) score.hits += 1;
    else score.misses.push({ ...result, got: got ?? 'none' });
  }
  return score;
}

export function percent(score: Score): number {
  return score.total === 0 ? 0 : Math.round((score.hits / score.total) * 1000) / 10;
}

function without(book: SignatureBook, left: Signature): SignatureBook {
  const all = book.all.filter((signature) => signature !== left);
  return { all, byId: new Map(all.map((signature) => [signature.id, signature])) };
}

function bareEvidence(vmid: number, type: 'qemu' | 'lxc'): GuestEvidence {
  return {
    identity: 'root@pam',
    guest: {
      vmid,
      node: 'pve1',
      type,
      name: null,
      status: 'stopped',
      qmpstatus: undefined,
      lock: undefined,
      template: false,
      haManaged: false,
      haState: undefined,
      maxmem: undefined,
    },
    config: undefined,
    node: {
      name: 'pve1',
      online: undefined,
      memory: undefined,
      cpu: undefined,
      cpus: undefined,
      devices: undefined,
      interfaces: undefined,
      storage: undefined,
      committed: undefined,
    },
    tasks: [],
    journal: [],
    failureWindow: undefined,
    cluster: { quorate: undefined, offlineNodes: [] },
    agent: undefined,
    permissions: [],
    failures: [],
    reads: [],
  };
}
