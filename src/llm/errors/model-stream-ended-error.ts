import { AppError } from '../../shared/errors.js';
import { oneLine } from './one-line.js';

/** Ollama accepted the request, then the connection dropped before the answer's last chunk: it is running, the answer broke off. */
export class ModelStreamEndedError extends AppError {
  readonly model: string;

  constructor(model: string, reason: string, options?: ErrorOptions) {
    super('llm.stream-ended', `the model's stream ended early: ${oneLine(reason)}; try again`, undefined, options);
    this.name = 'ModelStreamEndedError';
    this.model = model;
  }
}
