import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { ensurePrivateDir, isExposed, writePrivateFile } from '../../src/config/private-files.js';
import { ConfigError, UsageError } from '../../src/shared/errors.js';

/**
 * Per-person bearer tokens of `mcp --http` (`mcp token add|list|revoke`).
 * `mcp-tokens.json` (0600) keeps only a salted SHA-256 of each token: a token
 * is 32 random bytes, so a fast hash is enough (nothing to guess), and every
 * request can be checked against the current file, so a revocation counts
 * at once. The single token of earlier versions (`mcp-token`) keeps working
 * as the person `mcp-token` until it is revoked.
 */
export interface TokenFiles {
  /** `mcp-tokens.json`. */
  store: string;
  /** `mcp-token`, the single token of earlier versions. */
  legacy: string;
}

export const legacyPerson = 'mcp-token';

export const personNamePattern = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

const isoTime = z.iso.datetime();
const storedTokenSchema = z.strictObject({
  name: z.string().regex(personNamePattern),
  salt: z.string().min(16),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  created: isoTime,
  expires: isoTime.nullable(),
  lastUsed: isoTime.nullable(),
});
const storeSchema = z.strictObject({
  version: z.literal(1),
  tokens: z.array(storedTokenSchema),
  legacy: z.strictObject({ revoked: z.boolean(), lastUsed: isoTime.nullable() }),
});

type TokenStore = z.output<typeof storeSchema>;

/** One row of `mcp token list`. */
export interface TokenListing {
  name: string;
  created: string | null;
  lastUsed: string | null;
  expires: string | null;
}

export type Authentication = { ok: true; person: string } | { ok: false; reason: string };

const emptyStore = (): TokenStore => ({ version: 1, tokens: [], legacy: { revoked: false, lastUsed: null } });
const dayMs = 86_400_000;

export interface AddTokenOptions {
  expiresDays?: number;
  now?: Date;
  random?: (size: number) => Buffer;
}

/** Creates NAME's token and returns it; it is never stored, only its salted hash. */
export async function addPersonToken(files: TokenFiles, name: string, options: AddTokenOptions = {}): Promise<string> {
  if (!personNamePattern.test(name))
    throw new UsageError(
      `'${name}' is not a token name: use letters, digits, ".", "_", "@" and "-" (at most 64), e.g. alice or ci-runner`,
    );
  if (name === legacyPerson) throw new UsageError(`'${legacyPerson}' is the name of the single token of mcp-token`);
  const { expiresDays } = options;
  if (expiresDays !== undefined && !(Number.isInteger(expiresDays) && expiresDays > 0 && expiresDays <= 36_500))
    throw new UsageError(`--expires takes a number of days from 1 to 36500, not '${expiresDays}'`);
  const now = options.now ?? new Date();
  const random = options.random ?? crypto.randomBytes;
  const token = `pai_${random(32).toString('base64url')}`;
  const salt = random(16).toString('base64url');
  await updateStore(files.store, (store) => {
    if (store.tokens.some((entry) => entry.name === name))
      throw new UsageError(`a token named ${name} exists; revoke it first ('mcp token revoke ${name}')`);
    store.tokens.push({
      name,
      salt,
      hash: saltedHash(salt, token),
      created: now.toISOString(),
      expires: expiresDays === undefined ? null : new Date(now.getTime() + expiresDays * dayMs).toISOString(),
      lastUsed: null,
    });
  });
  return token;
}

/** Every token that can authenticate, the single `mcp-token` first when it is still in use. */
export function listPersonTokens(files: TokenFiles): TokenListing[] {
  const store = readStore(files.store);
  const legacy = legacyState(files, store);
  return [
    ...(legacy === 'active'
      ? [{ name: legacyPerson, created: createdAt(files.legacy), lastUsed: store.legacy.lastUsed, expires: null }]
      : []),
    ...store.tokens.map(({ name, created, lastUsed, expires }) => ({ name, created, lastUsed, expires })),
  ];
}

/** Removes NAME's token (or the single `mcp-token`, which is then never created again). */
export async function revokePersonToken(files: TokenFiles, name: string): Promise<void> {
  await updateStore(files.store, (store) => {
    if (name === legacyPerson) {
      if (legacyState(files, store) !== 'active') throw new UsageError(`no token named ${name}; it was revoked`);
      store.legacy.revoked = true;
      return;
    }
    const index = store.tokens.findIndex((entry) => entry.name === name);
    if (index === -1) {
      const names = store.tokens.map((entry) => entry.name).join(', ') || 'none';
      throw new UsageError(`no token named ${name}; tokens: ${names}`);
    }
    store.tokens.splice(index, 1);
  });
  // Safety: the file goes too, so no copy of the revoked token lies around to be re-enabled by mistake.
  if (name === legacyPerson) fs.rmSync(files.legacy, { force: true });
}

/**
 * Whether `mcp --http` should use (and, for a single-user set-up with no
 * person tokens, create) the single `mcp-token` file.
 */
export function legacyTokenWanted(files: TokenFiles): boolean {
  const store = readStore(files.store);
  const state = legacyState(files, store);
  return state === 'active' || (state === 'absent' && store.tokens.length === 0);
}

/**
 * Resolves a presented bearer token to its person, reading the token files
 * again whenever they changed, so a revoked or expired token is refused on
 * its very next request.
 */
export class TokenAuthority {
  private store: TokenStore = emptyStore();
  private storeStamp = '';
  private legacy: string | null = null;
  private legacyStamp = '';
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly files: TokenFiles,
    private readonly now: () => Date = () => new Date(),
  ) {}

  authenticate(presented: string): Authentication {
    this.refresh();
    const now = this.now();
    for (const entry of this.store.tokens) {
      if (!sameDigest(saltedHash(entry.salt, presented), entry.hash)) continue;
      if (entry.expires !== null && Date.parse(entry.expires) <= now.getTime())
        return { ok: false, reason: `the token of ${entry.name} expired at ${entry.expires}` };
      this.noteUse(entry.name, now);
      return { ok: true, person: entry.name };
    }
    if (this.legacy !== null && sameDigest(plainHash(presented), plainHash(this.legacy))) {
      this.noteUse(legacyPerson, now);
      return { ok: true, person: legacyPerson };
    }
    return { ok: false, reason: 'unknown or revoked bearer token' };
  }

  private refresh(): void {
    const storeStamp = stampOf(this.files.store);
    if (storeStamp !== this.storeStamp) {
      this.store = readStore(this.files.store);
      this.storeStamp = storeStamp;
    }
    const legacyStamp = `${stampOf(this.files.legacy)}|${this.store.legacy.revoked}`;
    if (legacyStamp !== this.legacyStamp) {
      this.legacy = this.store.legacy.revoked ? null : readLegacy(this.files.legacy);
      this.legacyStamp = legacyStamp;
    }
  }

  /** Records "last used" at most once a minute per person; bookkeeping only, so a failure never refuses a request. */
  private noteUse(person: string, now: Date): void {
    if (now.getTime() - (this.touched.get(person) ?? 0) < 60_000) return;
    this.touched.set(person, now.getTime());
    updateStore(this.files.store, (store) => {
      if (person === legacyPerson) store.legacy.lastUsed = now.toISOString();
      const entry = store.tokens.find((token) => token.name === person);
      if (entry) entry.lastUsed = now.toISOString();
    }).catch(() => this.touched.delete(person));
  }
}

function saltedHash(salt: string, token: string): string {
  return crypto.createHash('sha256').update(`${salt}:${token}`).digest('hex');
}

function plainHash(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

// Safety: compare in constant time, so neither a token's content nor its length leaks through timing.
function sameDigest(a: string, b: string): boolean {
  return crypto.timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}

function legacyState(files: TokenFiles, store: TokenStore): 'active' | 'revoked' | 'absent' {
  if (store.legacy.revoked) return 'revoked';
  return fs.existsSync(files.legacy) ? 'active' : 'absent';
}

function readLegacy(file: string): string | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  // Safety: a token other users can read is a token they may already hold.
  if (isExposed(file)) return null;
  return text.length >= 32 ? text : null;
}

function readStore(file: string): TokenStore {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyStore();
    throw error;
  }
  if (isExposed(file))
    throw new ConfigError(`${file} is readable by other users; run 'chmod 600 ${file}'`, 'mcp.tokens-exposed');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError(`${file} is not valid JSON; restore it from a backup or remove it`, 'mcp.tokens-invalid');
  }
  const parsed = storeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(
      `${file} is not a token file (${issue?.path.join('.') || 'file'}: ${issue?.message}); restore it from a backup or remove it`,
      'mcp.tokens-invalid',
    );
  }
  return parsed.data;
}

/** Read, change and write back under a lock, so two commands (or a server noting a use) never undo each other. */
async function updateStore(file: string, change: (store: TokenStore) => void): Promise<void> {
  ensurePrivateDir(path.dirname(file));
  const release = await lockfile.lock(file, {
    lockfilePath: `${file}.lock`,
    realpath: false,
    stale: 5_000,
    retries: { retries: 40, minTimeout: 10, maxTimeout: 250 },
  });
  try {
    const store = readStore(file);
    change(store);
    writePrivateFile(file, `${JSON.stringify(store, null, 2)}\n`);
  } finally {
    await release();
  }
}

function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

function createdAt(file: string): string | null {
  try {
    return fs.statSync(file).mtime.toISOString();
  } catch {
    return null;
  }
}
