/** The model named in fixes: a small, reliable tool caller (see select-model.ts for the ranking). */
export const recommendedModel = 'qwen3:8b';
