import { AppError } from '../../shared/errors.js';

/**
 * The caller aborted the model's turn (Ctrl-C, a cancelled turn). Named
 * `AbortError` so code that checks `error.name` treats it like the DOM one.
 */
export class ModelAbortedError extends AppError {
  readonly model: string;

  constructor(model: string, options?: ErrorOptions) {
    super('llm.aborted', `the answer of model '${model}' was aborted`, undefined, options);
    this.name = 'AbortError';
    this.model = model;
  }
}
