import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';

/** A scenario file (or object) that does not fit the scenario schema (docs/scenarios.md); the message names the field's path and, for YAML, its line. */
export class ScenarioError extends AppError {
  constructor(message: string, options?: ErrorOptions) {
    super('scenario.invalid', message, ExitCode.usage, options);
    this.name = 'ScenarioError';
  }
}
