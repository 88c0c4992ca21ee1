import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { IacRequestError } from '../iac-error.js';

// Safety: these values reach ansible-playbook as arguments and as variables
// that Jinja may template. No "{", "$", quotes or "@" (which reads a file) get through.

export const playbookNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,200}\.ya?ml$/,
    'a playbook file name relative to a playbook directory, e.g. "site.yml" or "web/deploy.yml"',
  )
  .refine((value) => !value.split('/').includes('..'), 'no ".." in playbook paths')
  .describe('playbook file, relative to one of iac.playbookDirs, e.g. "site.yml"');

const hostPattern = /^[!&]?[A-Za-z0-9_.*:[\]-]+$/;
export const limitSchema = z
  .string()
  .max(200)
  .refine(
    (value) => value.split(',').every((part) => hostPattern.test(part)),
    'host names, groups or patterns separated by ",", e.g. "web" or "web,!web-02"',
  )
  .describe('hosts or groups to run on, e.g. "web" or "node_pve1,!db-01"');

const reservedVars = new Set([
  'hostvars',
  'vars',
  'environment',
  'omit',
  'groups',
  'group_names',
  'inventory_hostname',
  'playbook_dir',
  'role_path',
]);
const varName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a variable name: letters, digits, _')
  .refine(
    (name) => !name.toLowerCase().startsWith('ansible_') && !reservedVars.has(name),
    'connection and magic variables (ansible_*, hostvars, ...) cannot be set',
  );
const varValue = z.union([
  z.string().regex(/^[A-Za-z0-9 _.,:/+=%-]{0,200}$/, 'plain text: letters, digits, spaces and _ . , : / + = % -'),
  z.number(),
  z.boolean(),
]);
export const extraVarsSchema = z
  .record(varName, varValue)
  .refine((vars) => Object.keys(vars).length <= 20, 'at most 20 variables')
  .describe('variables for the playbook, e.g. {"version": "1.2.3"}; plain text, numbers or booleans only');

export type ExtraVars = z.infer<typeof extraVarsSchema>;

/**
 * The playbook's real path, which must lie inside one of the configured
 * directories after symlinks are resolved.
 */
export function resolvePlaybook(dirs: readonly string[], name: string): string {
  if (dirs.length === 0)
    throw new IacRequestError(
      'no playbook directories are configured; set iac.playbookDirs in the config to the directories run_playbook may use',
      'iac.no-playbook-dirs',
    );
  for (const dir of dirs) {
    const root = realpathOrUndefined(dir);
    const file = root ? realpathOrUndefined(path.join(root, name)) : undefined;
    // Safety: a symlink inside a playbook directory must not lead out of it.
    if (root && file && file.startsWith(root + path.sep) && fs.statSync(file).isFile()) return file;
  }
  const known = dirs.flatMap((dir) => listPlaybooks(dir)).slice(0, 20);
  throw new IacRequestError(
    `playbook '${name}' is not in ${dirs.join(', ')}; playbooks there: ${known.join(', ') || 'none'}`,
    'iac.no-playbook',
  );
}

function listPlaybooks(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((file) => /\.ya?ml$/.test(file))
      .sort();
  } catch {
    return [];
  }
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** Playbook, limit and extra vars as one key: a real run is confirmed with the check run of the same key. */
export function runKey(playbookFile: string, limit: string | undefined, extraVars: ExtraVars | undefined): string {
  const vars = Object.entries(extraVars ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([playbookFile, limit ?? '', vars]);
}
