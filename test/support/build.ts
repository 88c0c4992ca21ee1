import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';

const root = packageRoot();
/** Written after a build the tests started; dist/ older than any input is built again. */
const stampFile = path.join(root, 'dist', '.tests-built-at');
const inputs = ['bin', 'src', 'tools', 'mcp', 'bench', 'harness', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** Builds dist/ exactly as a user does (`npm run build`): the one place the tests start a build. */
export function buildProduct(): void {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  fs.writeFileSync(stampFile, `${new Date().toISOString()}\n`);
}

/** True when the last build the tests started is newer than every file that goes into dist/. */
export function builtProductIsCurrent(): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(stampFile).mtimeMs;
  } catch {
    return false;
  }
  return inputs.every((input) => newestChange(path.join(root, input)) < builtAt);
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
