import fs from 'node:fs';
import type { StatePaths } from '../../config/paths.js';
import { isExposed } from '../../config/private-files.js';
import { fail, ok, warn, type CheckResult } from './check.js';

export function checkNodeVersion(version: string = process.versions.node): CheckResult {
  const major = Number(version.split('.')[0]);
  return major >= 22
    ? ok('node', `Node ${version}`)
    : fail('node', `Node ${version} is too old`, 'install Node 22 or newer (Node 24 recommended)');
}

/** The state directories are private, and secrets.json is 0600. */
export function checkStateDirs(paths: StatePaths): CheckResult[] {
  const dirs = [...new Set([paths.configDir, paths.stateDir])];
  const results = dirs.map((dir) => {
    if (!fs.existsSync(dir)) return ok(`dir:${dir}`, `${dir} does not exist yet (created 0700 on first use)`);
    return isExposed(dir)
      ? fail(`dir:${dir}`, `${dir} is readable by other users`, `chmod 700 ${dir}`)
      : ok(`dir:${dir}`, `${dir} is private (0700)`);
  });
  if (fs.existsSync(paths.secretsFile)) {
    results.push(
      isExposed(paths.secretsFile)
        ? fail('secrets', `${paths.secretsFile} is readable by other users`, `chmod 600 ${paths.secretsFile}`)
        : ok('secrets', `${paths.secretsFile} is 0600`),
    );
  }
  return results;
}

export function checkWritable(paths: StatePaths): CheckResult {
  try {
    if (fs.existsSync(paths.stateDir)) fs.accessSync(paths.stateDir, fs.constants.W_OK);
    return ok('writable', `state directory ${paths.stateDir} is writable`);
  } catch {
    return warn(
      'writable',
      `state directory ${paths.stateDir} is not writable: the audit trail cannot be written`,
      `fix its owner or set PROXMOX_AI_HOME`,
    );
  }
}
