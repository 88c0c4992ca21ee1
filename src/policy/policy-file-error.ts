import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';

/** Where in a rules file the problem is. `rule` is the rule's id, or `#N` (1-based) when it has none. */
export interface PolicyFileLocation {
  file: string;
  line?: number;
  rule?: string;
  field?: string;
}

/**
 * A rules file that cannot be used. Never answered with a fallback to the
 * defaults: the user must fix the file (exit 2).
 */
export class PolicyFileError extends AppError {
  readonly location: PolicyFileLocation;

  constructor(location: PolicyFileLocation, problem: string, options?: ErrorOptions) {
    super('policy.file', formatMessage(location, problem), ExitCode.usage, options);
    this.name = 'PolicyFileError';
    this.location = location;
  }
}

function formatMessage({ file, line, rule, field }: PolicyFileLocation, problem: string): string {
  const where = line === undefined ? file : `${file}:${line}`;
  const ruleName = rule === undefined ? undefined : rule.startsWith('#') ? `rule ${rule}` : `rule "${rule}"`;
  const subject = [ruleName, field === undefined ? undefined : `field ${field}`].filter(Boolean).join(', ');
  return `${where}: ${subject ? `${subject}: ` : ''}${problem}`;
}
