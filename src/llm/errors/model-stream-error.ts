import { AppError } from '../../shared/errors.js';
import { oneLine } from './one-line.js';

/** The answer broke off: an `error` line in the stream, or the stream ended without `done`. */
export class ModelStreamError extends AppError {
  readonly model: string;
  readonly serverMessage: string;

  constructor(model: string, serverMessage: string, options?: ErrorOptions) {
    super(
      'llm.stream',
      `model '${model}' failed mid-answer: ${oneLine(serverMessage)}; check 'ollama ps' and the Ollama server log, then retry`,
      undefined,
      options,
    );
    this.name = 'ModelStreamError';
    this.model = model;
    this.serverMessage = serverMessage;
  }
}
