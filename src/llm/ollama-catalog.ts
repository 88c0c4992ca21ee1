import { OllamaResponseError } from './errors.js';
import { parseShow, parseTags } from './model-facts.js';
import { ollamaClient, type OllamaEndpoint } from './ollama-endpoint.js';
import { toModelError } from './ollama-failure.js';
import type { ModelCatalog } from './select-model.js';

/** `/api/tags` and `/api/show` on an endpoint, parsed at the boundary, failures typed. */
export function ollamaCatalog(endpoint: OllamaEndpoint): ModelCatalog {
  const client = ollamaClient(endpoint);
  const failed = (model: string) => (error: unknown) => {
    throw toModelError(error, { host: endpoint.host, model, phase: 'request' });
  };
  return {
    async list() {
      const body: unknown = await client.list().catch(failed(''));
      const models = parseTags(body);
      if (!models) throw new OllamaResponseError(endpoint.host, undefined, 'unexpected /api/tags body');
      return models;
    },
    async show(model) {
      const body: unknown = await client.show({ model }).catch(failed(model));
      const shown = parseShow(body);
      if (!shown) throw new OllamaResponseError(endpoint.host, undefined, `unexpected /api/show body for '${model}'`);
      return shown;
    },
  };
}
