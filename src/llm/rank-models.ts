import type { ModelFacts } from './model-facts.js';

/**
 * Model families that call tools reliably at 7-14B, best first, matched
 * against the model name without registry, namespace and tag
 * (`hf.co/x/qwen3-8b-gguf:Q4` -> `qwen3-8b-gguf`).
 */
export const preferredFamilies: readonly string[] = [
  'qwen3',
  'qwen2.5',
  'llama3.1',
  'mistral-nemo',
  'llama3.2',
  'granite3',
  'mistral',
];

/** Larger models are assumed not to fit a typical single GPU at usable speed. */
export const fitsBillions = 14;

export type RankedModel = Pick<ModelFacts, 'name' | 'parameterBillions' | 'modifiedAt'>;

/**
 * "Best" first, deterministically:
 * 1. a preferred family, in the order of `preferredFamilies`; others after;
 * 2. a size that fits (<= `fitsBillions`, largest first), then the ones that do not (smallest first),
 *    then unknown sizes;
 * 3. the most recently pulled;
 * 4. the name, alphabetically.
 */
export function rankModels<T extends RankedModel>(models: readonly T[]): T[] {
  return [...models].sort(
    (a, b) =>
      familyRank(a.name) - familyRank(b.name) ||
      sizeRank(a) - sizeRank(b) ||
      recency(b) - recency(a) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

function familyRank(name: string): number {
  const base = name.split('/').pop()!.split(':')[0]!.toLowerCase();
  const index = preferredFamilies.findIndex((family) => base.startsWith(family));
  return index === -1 ? preferredFamilies.length : index;
}

/** Lower is better: fitting sizes map to [-fitsBillions, 0], too large ones above, unknown last. */
function sizeRank(model: RankedModel): number {
  const size = model.parameterBillions;
  if (size === undefined) return Number.MAX_SAFE_INTEGER;
  return size <= fitsBillions ? -size : size;
}

function recency(model: RankedModel): number {
  const time = model.modifiedAt ? Date.parse(model.modifiedAt) : Number.NaN;
  return Number.isNaN(time) ? 0 : time;
}
