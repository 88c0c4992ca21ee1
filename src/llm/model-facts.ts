import { z } from 'zod';

/** What selection needs to know about one installed model. */
export interface ModelFacts {
  name: string;
  /** From `/api/show`; undefined when this Ollama predates capabilities. */
  capabilities: readonly string[] | undefined;
  /** `<arch>.context_length` from `/api/show` `model_info`. */
  contextLength: number | undefined;
  family: string | undefined;
  /** In billions, from `details.parameter_size` ("8.2B", "494.03M"). */
  parameterBillions: number | undefined;
  /** ISO time the model was pulled or changed. */
  modifiedAt: string | undefined;
}

const Details = z.object({ family: z.string().optional(), parameter_size: z.string().optional() }).partial();

const TagsResponse = z.object({
  models: z
    .array(z.object({ name: z.string(), modified_at: z.string().optional(), details: Details.optional() }))
    .nullish(),
});

const ShowResponse = z.object({
  capabilities: z.array(z.string()).nullish(),
  model_info: z.record(z.string(), z.unknown()).nullish(),
  details: Details.optional(),
});

export type InstalledModel = Pick<ModelFacts, 'name' | 'family' | 'parameterBillions' | 'modifiedAt'>;
export type ShownModel = Pick<ModelFacts, 'capabilities' | 'contextLength' | 'family' | 'parameterBillions'>;

/** `/api/tags`; undefined when the body is not Ollama's. */
export function parseTags(body: unknown): InstalledModel[] | undefined {
  const result = TagsResponse.safeParse(body);
  if (!result.success) return undefined;
  const parsed = result.data;
  return (parsed.models ?? []).map((model) => ({
    name: model.name,
    family: model.details?.family,
    parameterBillions: parameterBillions(model.details?.parameter_size),
    modifiedAt: model.modified_at,
  }));
}

/** `/api/show`; undefined when the body is not Ollama's. */
export function parseShow(body: unknown): ShownModel | undefined {
  const result = ShowResponse.safeParse(body);
  if (!result.success) return undefined;
  const parsed = result.data;
  const info = parsed.model_info ?? {};
  const architecture = info['general.architecture'];
  const contextLength = typeof architecture === 'string' ? info[`${architecture}.context_length`] : undefined;
  return {
    capabilities: parsed.capabilities ?? undefined,
    contextLength: typeof contextLength === 'number' && contextLength > 0 ? contextLength : undefined,
    family: parsed.details?.family,
    parameterBillions: parameterBillions(parsed.details?.parameter_size),
  };
}

export function parameterBillions(size: string | undefined): number | undefined {
  const match = size?.trim().match(/^(\d+(?:\.\d+)?)\s*([KMBT])$/i);
  if (!match) return undefined;
  const scale = { K: 1e-6, M: 1e-3, B: 1, T: 1e3 }[match[2]!.toUpperCase() as 'K' | 'M' | 'B' | 'T'];
  return Number(match[1]) * scale;
}
