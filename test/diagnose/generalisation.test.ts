import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../bench/figures/generalisation.js';
import {
  categoryOfLines,
  corpusCases,
  leaveOneOut,
  percent,
  scoreCases,
} from '../../bench/figures/generalisation-measure.js';
import { categories } from '../../src/diagnose/finding.js';
import { bestSignature } from '../../src/diagnose/match-lines.js';
import { signatureBook } from '../../src/diagnose/signature-book.js';

// Diagnosis on failures nobody wrote a signature for: real lines from Proxmox sources and public reports.
const book = signatureBook();
const corpus = readCorpus();
const heldOut = corpus.filter((line) => bestSignature(book, line.text) === undefined);

/** Lines we still file elsewhere, and why; each stays listed until the diagnosis gets it right. */
const knownMisses = new Map<string, { gets: string; why: string }>([
  [
    'unable to connect to qmeventd socket (vmid: 512) - timeout after 5 retries',
    {
      gets: 'qmp',
      why: 'a QEMU socket that timed out: qmp and timeout both fit; we file it under timeout, a wait that ran out',
    },
  ],
  [
    "network interface 'net1' has no mac address",
    { gets: 'network', why: 'said while building the cloud-init drive; its words are all about the NIC' },
  ],
  [
    "unable to activate storage 'cephfs' - directory '/mnt/pve/cephfs' does not exist",
    { gets: 'storage', why: 'only the storage type (cephfs) makes it Ceph; the line alone reads as any storage' },
  ],
  [
    "ERROR: Backup of VM 111 failed - VM 111 qmp command 'backup' failed - got timeout",
    { gets: 'qmp', why: 'the qmp-command-timeout signature matches inside the backup wrapper' },
  ],
]);

describe('the corpus of real failure lines', () => {
  it('holds at least 100 lines, each with a source and a category of the contract', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const line of corpus) {
      expect(line.source).toMatch(/^https:\/\//);
      expect(categories).toContain(line.category);
      expect(['task-log', 'journal', 'api-error']).toContain(line.where);
    }
    expect(new Set(corpus.map((line) => line.text)).size).toBe(corpus.length);
  });

  it.each(corpusCases(corpus.filter((line) => !knownMisses.has(line.text))))(
    '$expected: $label',
    ({ lines, expected }) => {
      expect(categoryOfLines(book, lines)).toBe(expected);
    },
  );

  it.each([...knownMisses])('known miss, filed as its words say: %s', (text, { gets }) => {
    const line = corpus.find((candidate) => candidate.text === text);
    expect(line).toBeDefined();
    expect(categoryOfLines(book, [line!])).toBe(gets);
  });

  it('keeps most lines out of the book, so the fallback is what is tested', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(100);
    expect(percent(scoreCases(book, corpusCases(heldOut)))).toBeGreaterThanOrEqual(90);
  });
});

describe('leave-one-out over the signature book', () => {
  it('still files at least 85% of the signatures right when each is removed in turn', () => {
    const score = leaveOneOut(book);
    expect(score.total).toBe(book.all.length);
    expect(percent(score)).toBeGreaterThanOrEqual(85);
  });
});
