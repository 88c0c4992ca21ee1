import { AppError } from '../../shared/errors.js';

/** Ollama does not have the model (`model 'x' not found`). */
export class ModelNotFoundError extends AppError {
  readonly model: string;

  constructor(model: string, host: string, options?: ErrorOptions) {
    super(
      'llm.model-not-found',
      `model '${model}' not found in Ollama at ${host}; run 'ollama pull ${model}', or pick an installed one with proxmox-ai config set ai.model NAME`,
      undefined,
      options,
    );
    this.name = 'ModelNotFoundError';
    this.model = model;
  }
}
