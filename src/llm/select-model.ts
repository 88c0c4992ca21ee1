import { ModelWithoutToolsError, NoToolModelError } from './errors.js';
import type { InstalledModel, ModelFacts, ShownModel } from './model-facts.js';
import { rankModels } from './rank-models.js';

/** Ollama's default can be 4096 on small GPUs, too small for tool use; larger costs memory for nothing here. */
export const maxDefaultNumCtx = 32_768;
/** When `/api/show` does not tell the model's context length. */
export const fallbackNumCtx = 8_192;

/** The two Ollama calls selection makes (see ollama-catalog.ts); what they throw is already typed. */
export interface ModelCatalog {
  /** `/api/tags`. */
  list(): Promise<InstalledModel[]>;
  /** `/api/show` for one model. */
  show(model: string): Promise<ShownModel>;
}

export interface ModelChoice {
  name: string;
  numCtx: number;
  capabilities: readonly string[] | undefined;
}

export interface SelectOptions {
  /** `PROXMOX_AI_MODEL`, else `ai.model`. */
  model?: string;
  /** `ai.numCtx`. */
  numCtx?: number;
  /** For messages. */
  host: string;
}

/**
 * The configured model, checked for tool support; else the best installed
 * model whose capabilities include `tools` (ranking in rank-models.ts).
 * `/api/show` is asked once per model considered.
 */
export async function selectModel(catalog: ModelCatalog, options: SelectOptions): Promise<ModelChoice> {
  if (options.model) {
    const shown = await catalog.show(options.model);
    if (shown.capabilities && !shown.capabilities.includes('tools')) throw new ModelWithoutToolsError(options.model);
    return choice(options.model, shown, options.numCtx);
  }
  const installed = await catalog.list();
  const facts: ModelFacts[] = await Promise.all(
    installed.map(async (model) => {
      const shown = await catalog.show(model.name);
      return {
        ...model,
        ...shown,
        family: shown.family ?? model.family,
        parameterBillions: shown.parameterBillions ?? model.parameterBillions,
      };
    }),
  );
  const best = rankModels(facts.filter((model) => model.capabilities?.includes('tools')))[0];
  if (!best) throw new NoToolModelError(options.host, installed.length);
  return choice(best.name, best, options.numCtx);
}

function choice(name: string, shown: ShownModel, numCtx: number | undefined): ModelChoice {
  return {
    name,
    numCtx: numCtx ?? Math.min(shown.contextLength ?? fallbackNumCtx, maxDefaultNumCtx),
    capabilities: shown.capabilities,
  };
}
