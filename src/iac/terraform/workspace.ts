import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from '../../config/private-files.js';

/** Where a request's configuration, lock file, plan and state live: `<workspaces>/terraform/<name>`. */
export function terraformWorkspace(workspacesDir: string, name: string): string {
  // Safety: `name` matched the request's DNS-name pattern, so it cannot climb out of the workspaces directory.
  return path.join(workspacesDir, 'terraform', name);
}

/** Writes main.tf (0600, in a 0700 directory); a re-plan of the same name reuses the workspace and its state. */
export function writeConfiguration(dir: string, hcl: string): string {
  ensurePrivateDir(dir);
  const file = path.join(dir, 'main.tf');
  writePrivateFile(file, hcl);
  return file;
}

/** True when `terraform init` has run here (providers and lock file present). */
export function isInitialised(dir: string): boolean {
  return fs.existsSync(path.join(dir, '.terraform')) && fs.existsSync(path.join(dir, '.terraform.lock.hcl'));
}

/** How many resources the workspace's local state holds (0 when there is none). */
export function stateResourceCount(dir: string): number {
  try {
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'terraform.tfstate'), 'utf8')) as { resources?: unknown[] };
    return Array.isArray(state.resources) ? state.resources.length : 0;
  } catch {
    return 0;
  }
}
