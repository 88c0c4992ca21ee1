import { describe, expect, it } from 'vitest';
import { backupSignatures } from '../../src/diagnose/backup-signatures.js';
import { explainLines } from '../../src/diagnose/diagnose-guest.js';
import { categoryOfWords, looksLikeTrouble } from '../../src/diagnose/failure-words.js';
import { mentionedVmids } from '../../src/diagnose/guest-mentions.js';
import { localSignatures } from '../../src/diagnose/local-signatures.js';
import { bestSignature } from '../../src/diagnose/match-lines.js';
import type { ObservedLine } from '../../src/diagnose/observed-line.js';
import { signatureBook, type Signature } from '../../src/diagnose/signature-book.js';
import { evidenceOf } from './support/evidence.js';

// Every line of every reference signature (and of our own additions), as a table.
const book = signatureBook();
const rows = book.all.flatMap((signature) =>
  signature.data.lines.map((line, index) => ({
    signature,
    line: line.text,
    where: line.where,
    key: index === signature.data.keyLine,
  })),
);

/** How a line on its own is recognised: by a signature, by its words, or as context that needs no explaining. */
function recognise(
  text: string,
): { by: 'signature'; signature: Signature } | { by: 'words'; category: string } | { by: 'context' } {
  const best = bestSignature(book, text);
  if (best) return { by: 'signature', signature: best.signature };
  const category = categoryOfWords(text);
  return looksLikeTrouble(text) && category ? { by: 'words', category } : { by: 'context' };
}

/** The guest a signature's lines are about: the id they name, else any. */
function guestOf(signature: Signature) {
  const texts = signature.data.lines.map((line) => line.text);
  const named = texts
    .map((text) => bestSignature(book, text)?.groups)
    .flatMap((groups) => [groups?.vmid, groups?.ctid, groups?.sid?.split(':')[1]])
    .find(Boolean);
  const vmid = Number(named ?? [...mentionedVmids(texts.join('\n'))][0] ?? 100);
  const node = signature.exampleGroups.node ?? 'pve1';
  const type =
    signature.category === 'lxc' || texts.some((text) => /\bCT\b|container/.test(text))
      ? ('lxc' as const)
      : ('qemu' as const);
  return { vmid, node, type };
}

describe('reference lines', () => {
  it('covers all 71 reference signatures', () => {
    const ours = new Set([...localSignatures, ...backupSignatures].map((signature) => signature.id));
    expect(book.all.filter((signature) => !ours.has(signature.id))).toHaveLength(71);
  });

  it.each(rows.filter((row) => row.key))(
    '$signature.id: its key line is recognised as itself',
    ({ signature, line }) => {
      expect(bestSignature(book, line)?.signature.id).toBe(signature.id);
    },
  );

  it.each(rows)('$signature.id: "$line" is recognised in the right category', ({ signature, line }) => {
    const recognised = recognise(line);
    if (recognised.by === 'signature') {
      // A generic wrapper (`start failed: QEMU exited with code 1`) belongs to whatever it wraps.
      if (recognised.signature.id !== signature.id) expect(recognised.signature.generic).toBe(true);
      else expect(recognised.signature.category).toBe(signature.category);
    } else if (recognised.by === 'words') {
      expect(recognised.category).toBe(signature.category);
    } else {
      expect(looksLikeTrouble(line)).toBe(false);
    }
  });

  it.each(book.all)('$id: its lines together are diagnosed as $id ($category)', (signature) => {
    const guest = guestOf(signature);
    const lines: ObservedLine[] = signature.data.lines.map((line, index) => ({
      text: line.text,
      source: line.where === 'journal' ? 'journal' : 'task-log',
      group: line.where === 'journal' ? `journal:${index}` : 'UPID:task',
      scope: 'guest',
    }));
    const top = explainLines(evidenceOf({ guest: { ...guest, node: guest.node } }), lines).findings[0];
    expect(top).toMatchObject({ id: signature.id, category: signature.category });
  });
});
