import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';
import { bestSignature } from '../../src/diagnose/match-lines.js';
import { signatureBook } from '../../src/diagnose/signature-book.js';
import type { BenchSuite } from '../figure.js';
import { corpusCases, leaveOneOut, percent, scoreCases, type CorpusLine } from './generalisation-measure.js';

/**
 * How well diagnosis holds on failures nobody wrote a signature for:
 * leave-one-out over the signature book, and the real lines of the corpus
 * that no signature matches (the fallback alone).
 */
export const generalisationBench: BenchSuite = {
  name: 'diagnosis generalisation',
  measure() {
    const book = signatureBook();
    const corpus = readCorpus();
    const heldOut = corpus.filter((line) => bestSignature(book, line.text) === undefined);
    return Promise.resolve({
      leaveOneOutPct: { value: percent(leaveOneOut(book)), n: book.all.length, unit: 'pct', goal: '>= 85' },
      corpusPct: { value: percent(scoreCases(book, corpusCases(corpus))), n: corpus.length, unit: 'pct' },
      corpusHeldOutPct: { value: percent(scoreCases(book, corpusCases(heldOut))), n: heldOut.length, unit: 'pct' },
    });
  },
};

export function readCorpus(root: string = packageRoot()): CorpusLine[] {
  const file = path.join(root, 'test', 'fixtures', 'diagnosis', 'failure-corpus.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { lines: CorpusLine[] }).lines;
}
