import { afterEach, describe, expect, it } from 'vitest';
import { NoToolModelError } from '../../src/llm/errors.js';
import { parameterBillions } from '../../src/llm/model-facts.js';
import { rankModels } from '../../src/llm/rank-models.js';
import { startScriptedOllama, type ScriptedModel, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { failure, modelOn } from './helpers.js';

let peer: ScriptedOllama | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

async function installed(models: ScriptedModel[]) {
  peer = await startScriptedOllama({ models });
  return peer;
}

describe('model selection against Ollama', () => {
  it('picks the best installed model whose capabilities include tools', async () => {
    const server = await installed([
      { name: 'gemma2:9b', capabilities: ['completion'] },
      { name: 'llama3.1:8b' },
      { name: 'qwen3:8b' },
      { name: 'nomic-embed-text:latest', capabilities: ['embedding'] },
    ]);
    expect((await modelOn(server)).name).toBe('qwen3:8b');
  });

  it('skips a preferred family when that install lacks tools', async () => {
    const server = await installed([{ name: 'qwen3:8b', capabilities: ['completion'] }, { name: 'granite3.3:8b' }]);
    expect((await modelOn(server)).name).toBe('granite3.3:8b');
  });

  it('says to pull a tool model when none of the installed ones has tools', async () => {
    const server = await installed([{ name: 'gemma2:9b', capabilities: ['completion'] }]);
    const error = await failure(modelOn(server));
    expect(error).toBeInstanceOf(NoToolModelError);
    expect(error.message).toBe(
      `none of the 1 installed models supports tools in Ollama at ${server.url}; run 'ollama pull qwen3:8b'`,
    );
  });

  it('says to pull a model when none is installed', async () => {
    const server = await installed([]);
    expect((await failure(modelOn(server))).message).toBe(
      `no model is installed in Ollama at ${server.url}; run 'ollama pull qwen3:8b'`,
    );
  });

  it("caps the default num_ctx at 32768 from the model's context length", async () => {
    const server = await installed([{ name: 'qwen3:8b', contextLength: 131_072 }]);
    expect((await modelOn(server)).contextLength).toBe(32_768);
  });

  it('uses a shorter context length of the model as it is', async () => {
    const server = await installed([{ name: 'llama3.2:3b', contextLength: 8_192 }]);
    expect((await modelOn(server)).contextLength).toBe(8_192);
  });

  it('prefers ai.numCtx over the model context length', async () => {
    const server = await installed([{ name: 'qwen3:8b', contextLength: 40_960 }]);
    expect((await modelOn(server, { numCtx: 65_536 })).contextLength).toBe(65_536);
  });
});

describe('rankModels', () => {
  const model = (name: string, parameterBillions?: number, modifiedAt?: string) => ({
    name,
    parameterBillions,
    modifiedAt,
  });
  const names = (models: ReturnType<typeof model>[]) => rankModels(models).map((entry) => entry.name);

  it('orders by preferred family first', () => {
    expect(
      names([
        model('mistral:7b', 7),
        model('phi4-mini:latest', 4),
        model('llama3.1:8b', 8),
        model('qwen2.5:7b', 7),
        model('hf.co/org/Qwen3-8B-GGUF:Q4_K_M', 8),
      ]),
    ).toEqual(['hf.co/org/Qwen3-8B-GGUF:Q4_K_M', 'qwen2.5:7b', 'llama3.1:8b', 'mistral:7b', 'phi4-mini:latest']);
  });

  it('prefers the largest size that fits, then too-large ones smallest first, then unknown sizes', () => {
    expect(
      names([
        model('qwen3:0.6b', 0.6),
        model('qwen3:235b', 235),
        model('qwen3:custom'),
        model('qwen3:32b', 32),
        model('qwen3:14b', 14),
        model('qwen3:8b', 8),
      ]),
    ).toEqual(['qwen3:14b', 'qwen3:8b', 'qwen3:0.6b', 'qwen3:32b', 'qwen3:235b', 'qwen3:custom']);
  });

  it('breaks ties by the most recent pull, then by name', () => {
    expect(
      names([
        model('qwen3:b', 8, '2026-01-01T00:00:00Z'),
        model('qwen3:a', 8, '2026-01-01T00:00:00Z'),
        model('qwen3:new', 8, '2026-03-01T00:00:00Z'),
      ]),
    ).toEqual(['qwen3:new', 'qwen3:a', 'qwen3:b']);
  });

  it('reads parameter sizes as Ollama writes them', () => {
    expect(parameterBillions('8.2B')).toBe(8.2);
    expect(parameterBillions('494.03M')).toBeCloseTo(0.49403, 9);
    expect(parameterBillions('unknown')).toBeUndefined();
  });
});
