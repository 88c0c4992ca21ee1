import { AppError } from '../../shared/errors.js';

/** Nothing answers at the Ollama host (refused, unknown host, no socket). */
export class OllamaUnavailableError extends AppError {
  readonly host: string;

  constructor(host: string, reason: string, options?: ErrorOptions) {
    super(
      'llm.unavailable',
      `Ollama is not running at ${host} (${reason}); start it with 'ollama serve', or set ai.host / OLLAMA_HOST`,
      undefined,
      options,
    );
    this.name = 'OllamaUnavailableError';
    this.host = host;
  }
}
