import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';

const root = packageRoot();
const childScript = path.join(root, 'test/audit/fixtures/append-child.mjs');

/**
 * The built sink (dist/src/audit/index.js), which child processes import.
 * Fails with the command to run when the build is missing or older than src/audit.
 */
export function builtAuditIndex(): string {
  const index = path.join(root, 'dist/src/audit/index.js');
  const newestSource = Math.max(
    ...fs
      .readdirSync(path.join(root, 'src/audit'))
      .map((name) => fs.statSync(path.join(root, 'src/audit', name)).mtimeMs),
  );
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < newestSource - 1_000) {
    throw new Error('dist/src/audit is missing or stale: run `npx tsc -p tsconfig.build.json` first');
  }
  return index;
}

export interface Appender {
  child: ChildProcess;
  /** Acknowledged records, in the order the child printed them. */
  acks: Array<{ seq: number; hash: string }>;
  /** Resolves with the exit code (null when killed) once the child is gone. */
  exited: Promise<number | null>;
  /** Resolves on the first acknowledged record. */
  firstAck: Promise<void>;
}

export function startAppender(dir: string, options: { count: number; session: string; lockStaleMs: number }): Appender {
  const child = spawn(
    process.execPath,
    [childScript, builtAuditIndex(), dir, String(options.count), options.session, String(options.lockStaleMs)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const acks: Array<{ seq: number; hash: string }> = [];
  let buffered = '';
  let onFirst = () => undefined as void;
  const firstAck = new Promise<void>((resolve) => (onFirst = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const [seq, hash] = line.split(' ');
      acks.push({ seq: Number(seq), hash: hash! });
      onFirst();
    }
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(stderr);
      onFirst();
      resolve(code);
    }),
  );
  return { child, acks, exited, firstAck };
}
