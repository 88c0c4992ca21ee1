import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';
import { binary } from './cli.js';

const root = packageRoot();
const inputs = [
  'bin',
  'src',
  'tools',
  'mcp',
  'bench',
  'harness',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
];

/** Builds dist/ exactly as a user does (`npm run build`): the one place the tests start a build. */
export function buildProduct(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** True when the built binary is newer than every file that goes into dist/ (a build writes all of it). */
export function builtProductIsCurrent(): boolean {
  const built = fs.statSync(binary, { throwIfNoEntry: false });
  return built !== undefined && inputs.every((input) => newestChange(path.join(root, input)) < built.mtimeMs);
}

function newestChange(file: string): number {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  // A directory's own time changes when an entry is added, removed or renamed.
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, entry)));
  return newest;
}
