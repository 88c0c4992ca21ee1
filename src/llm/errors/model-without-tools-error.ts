import { AppError } from '../../shared/errors.js';
import { recommendedModel } from '../recommended-model.js';

/** The model's template has no tool calling, so the agent cannot use it. */
export class ModelWithoutToolsError extends AppError {
  readonly model: string;

  constructor(model: string, options?: ErrorOptions) {
    super(
      'llm.model-without-tools',
      `model '${model}' does not support tools; try 'ollama pull ${recommendedModel}' and proxmox-ai config set ai.model ${recommendedModel}`,
      undefined,
      options,
    );
    this.name = 'ModelWithoutToolsError';
    this.model = model;
  }
}
