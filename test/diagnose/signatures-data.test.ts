import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/package-info.js';
import { signatureFilePath } from '../../src/diagnose/signature-book.js';
import { signatureFileSchema } from '../../src/diagnose/signature-data.js';

// src/diagnose/signatures.json ships with the package; the reference it was copied from is a test fixture.
const reference = path.join(packageRoot(), 'test', 'fixtures', 'reference', 'pve-failures.json');

interface ReferenceEntry {
  id: string;
  category: string;
  generic: boolean;
  pattern: string;
  alt_patterns: string[];
  key_line: number;
  cause: string;
  fix: string;
  lines: Array<{ text: string; where: string }>;
}

const ours = signatureFileSchema.parse(JSON.parse(fs.readFileSync(signatureFilePath(), 'utf8'))).signatures;

describe('src/diagnose/signatures.json', () => {
  it('holds 71 signatures with unique ids', () => {
    expect(new Set(ours.map((signature) => signature.id)).size).toBe(71);
  });

  it('agrees with the reference signatures (test/fixtures/reference/pve-failures.json)', () => {
    const entries = JSON.parse(fs.readFileSync(reference, 'utf8')) as ReferenceEntry[];
    const expected = entries.map((entry) => ({
      id: entry.id,
      category: entry.category,
      generic: entry.generic,
      patterns: [entry.pattern, ...entry.alt_patterns],
      keyLine: entry.key_line,
      cause: entry.cause,
      fix: entry.fix,
      lines: entry.lines.map((line) => ({ text: line.text, where: line.where })),
    }));
    expect(ours).toEqual(expected);
  });
});
