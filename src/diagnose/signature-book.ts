import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/package-info.js';
import type { Category } from './finding.js';
import { backupSignatures } from './backup-signatures.js';
import { localSignatures } from './local-signatures.js';
import { signatureFileSchema, type SignatureData } from './signature-data.js';

/** A signature ready to match: its patterns compiled, the values its key example line carries. */
export interface Signature {
  id: string;
  category: Category;
  generic: boolean;
  cause: string;
  fix: string;
  patterns: RegExp[];
  /** Named groups of the key example line, e.g. {bridge: 'vmbr0'}: the sample values the fix text uses. */
  exampleGroups: Record<string, string>;
  data: SignatureData;
}

export interface SignatureBook {
  all: readonly Signature[];
  byId: ReadonlyMap<string, Signature>;
}

export function signatureFilePath(root: string = packageRoot()): string {
  return path.join(root, 'src', 'diagnose', 'signatures.json');
}

function compileSignature(data: SignatureData): Signature {
  const patterns = data.patterns.map((source) => new RegExp(source));
  const keyText = data.lines[data.keyLine]?.text ?? data.lines[0]!.text;
  const exampleGroups =
    patterns.map((pattern) => pattern.exec(keyText)?.groups).find((groups) => groups !== undefined) ?? {};
  return {
    id: data.id,
    category: data.category,
    generic: data.generic,
    cause: data.cause,
    fix: data.fix,
    patterns,
    exampleGroups: definedOnly(exampleGroups),
    data,
  };
}

function buildSignatureBook(data: readonly SignatureData[]): SignatureBook {
  const all = data.map(compileSignature);
  return { all, byId: new Map(all.map((signature) => [signature.id, signature])) };
}

let loaded: SignatureBook | undefined;

/** The reference signatures plus our own, parsed and compiled once per process. */
export function signatureBook(): SignatureBook {
  if (!loaded) {
    const file = signatureFilePath();
    const parsed = signatureFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    loaded = buildSignatureBook([...parsed.signatures, ...localSignatures, ...backupSignatures]);
  }
  return loaded;
}

export function definedOnly(groups: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(groups).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}
