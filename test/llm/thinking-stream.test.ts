import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { ThinkingStream } from '../../src/llm/thinking-stream.js';
import { collect, modelOn, request } from './helpers.js';

interface ThinkingForm {
  family: string;
  source: string;
  chunks: string[];
  answer: string;
}

const thinkingForms = JSON.parse(
  readFileSync(new URL('../fixtures/thinking-forms.json', import.meta.url), 'utf8'),
) as ThinkingForm[];

let peer: ScriptedOllama | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

describe('reasoning in streamed text', () => {
  it.each(thinkingForms)('drops the reasoning of $family from the answer', async ({ chunks, answer }) => {
    peer = await startScriptedOllama({ script: [{ text: chunks }] });
    const model = await modelOn(peer);
    const streamed = await collect(model.chat(request()));
    const text = streamed.flatMap((chunk) => (chunk.type === 'text' ? [chunk.delta] : [])).join('');
    expect(text).toBe(answer);
  });

  it('passes text that only looks like the start of a marker through', () => {
    const stream = new ThinkingStream();
    expect(stream.push('if a <')).toBe('if a ');
    expect(stream.push(' b, then [T')).toBe('< b, then ');
    expect(stream.push('ODO]')).toBe('[TODO]');
    expect(stream.end()).toBe('');
  });

  it('drops a closing marker the template opened and keeps the answer after it', () => {
    const stream = new ThinkingStream();
    expect(stream.push('</think>\n\nVM 101 is running.')).toBe('VM 101 is running.');
  });

  it('passes a held-back partial marker on at the end', () => {
    const stream = new ThinkingStream();
    expect(stream.push('answer <thi')).toBe('answer ');
    expect(stream.end()).toBe('<thi');
  });
});
