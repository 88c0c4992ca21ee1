import { AppError } from '../../shared/errors.js';
import { recommendedModel } from '../recommended-model.js';

/** No model is configured and none of the installed ones can call tools. */
export class NoToolModelError extends AppError {
  constructor(host: string, installed: number) {
    const what = installed === 0 ? 'no model is installed' : `none of the ${installed} installed models supports tools`;
    super('llm.no-tool-model', `${what} in Ollama at ${host}; run 'ollama pull ${recommendedModel}'`);
    this.name = 'NoToolModelError';
  }
}
