import { AppError } from '../../shared/errors.js';
import { oneLine } from './one-line.js';

/**
 * Ollama refused a request for a reason we have no better sentence for, or
 * (status undefined) the host answered with something that is not Ollama's.
 */
export class OllamaResponseError extends AppError {
  readonly status: number | undefined;

  constructor(host: string, status: number | undefined, serverMessage: string, options?: ErrorOptions) {
    const message =
      status === undefined
        ? `${host} did not answer like Ollama (${oneLine(serverMessage)}); check that ai.host / OLLAMA_HOST points at Ollama`
        : `Ollama at ${host} answered ${status}: ${oneLine(serverMessage)}; check the Ollama server log`;
    super('llm.response', message, undefined, options);
    this.name = 'OllamaResponseError';
    this.status = status;
  }
}
