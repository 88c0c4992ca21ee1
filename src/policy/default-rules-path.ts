import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the shipped defaults live: `<package root>/src/policy/defaults.yaml`.
 * The build copies no assets, so both the sources and dist/ find the file by
 * walking up to the package's package.json (the package `files` list ships it).
 */
export function defaultRulesPath(from: string = fileURLToPath(import.meta.url)): string {
  let dir = path.dirname(from);
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}: cannot find the built-in policy defaults`);
    dir = parent;
  }
  return path.join(dir, 'src', 'policy', 'defaults.yaml');
}
