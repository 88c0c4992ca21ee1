import fs from 'node:fs';
import type { StatePaths } from '../../config/paths.js';
import { isExposed } from '../../config/private-files.js';
import { fail, ok, warn, type CheckResult } from './check.js';

/** The oldest Node the installed program supports: what Debian 13 and Proxmox VE 9 ship. */
export const SUPPORTED_NODE = { major: 20, minor: 19 };

/** ok from 20.19; a warning on an older 20 (most things work, some modules may not load); fail below 20. */
export function checkNodeVersion(version: string = process.versions.node): CheckResult {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const wanted = `${SUPPORTED_NODE.major}.${SUPPORTED_NODE.minor}`;
  if (major > SUPPORTED_NODE.major || (major === SUPPORTED_NODE.major && minor >= SUPPORTED_NODE.minor))
    return ok('node', `Node ${version}`);
  if (major === SUPPORTED_NODE.major)
    return warn('node', `Node ${version} is older than ${wanted}`, `upgrade to Node ${wanted} or newer`);
  return fail(
    'node',
    `Node ${version} is too old`,
    `install Node ${wanted} or newer (Debian 13 and Proxmox VE 9 ship it)`,
  );
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
