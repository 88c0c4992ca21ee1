import fs from 'node:fs';
import { parseRules, type RulesSource } from './parse-rules.js';
import { PolicyFileError } from './policy-file-error.js';
import type { PolicyRule } from './rule-schema.js';

export interface PolicyFiles {
  /** The shipped defaults (see defaultRulesPath). */
  defaultsFile: string;
  /** The user's rules: `policy.rulesFile` if set, else policy.yaml in the config directory. */
  userFile: string;
  /** True when the user named the file (`policy.rulesFile`): then it must exist. */
  userFileRequired: boolean;
}

/** The text of a rules file; an unreadable file is a PolicyFileError naming it. */
export function readRulesSource(file: string): RulesSource {
  try {
    return { file, text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : `cannot read it (${(error as Error).message})`;
    throw new PolicyFileError({ file }, reason, { cause: error });
  }
}

/** The built-in defaults alone. */
export function loadDefaultRules(defaultsFile: string): PolicyRule[] {
  return parseRules(readRulesSource(defaultsFile));
}

/**
 * The rule list decide() takes: the user's rules, then the built-in defaults.
 * A missing policy.yaml means no user rules; a missing `policy.rulesFile` or a
 * broken file of either kind is an error, never a silent fallback.
 */
export function loadPolicyRules(files: PolicyFiles): PolicyRule[] {
  const defaults = loadDefaultRules(files.defaultsFile);
  if (!files.userFileRequired && !fs.existsSync(files.userFile)) return defaults;
  const user = parseRules(readRulesSource(files.userFile), { builtInIds: new Set(defaults.map((rule) => rule.id)) });
  return [...user, ...defaults];
}
