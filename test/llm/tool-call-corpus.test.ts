import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatToolCall } from '../../src/core/chat-model.js';
import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';
import { proxmoxTools } from '../../tools/index.js';

interface Form {
  form: string;
  source: string;
  text: string;
  calls: ChatToolCall[];
  /** The text left once the calls (and any reasoning) are cut out, where the case pins it. */
  prose?: string;
}

interface Family {
  family: string;
  sources: string[];
  forms: Form[];
}

const formsDir = new URL('../fixtures/tool-call-forms/', import.meta.url);
const families: Family[] = readdirSync(formsDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => JSON.parse(readFileSync(new URL(file, formsDir), 'utf8')) as Family);
const forms = families.flatMap(({ family, forms }) => forms.map((form) => ({ family, ...form })));
const nearMisses = JSON.parse(
  readFileSync(new URL('../fixtures/tool-call-near-misses.json', import.meta.url), 'utf8'),
) as Array<{ case: string; text: string }>;
const tools = toChatToolSpecs(proxmoxTools);

describe('the tool-call corpus', () => {
  it('covers at least 40 forms of at least 12 families, each with its source', () => {
    expect(families.length).toBeGreaterThanOrEqual(12);
    expect(forms.length).toBeGreaterThanOrEqual(40);
    for (const form of forms) expect(form.source).toMatch(/^https:\/\//);
    expect(nearMisses.length).toBeGreaterThanOrEqual(20);
  });

  it.each(forms)('recovers $family: $form', ({ text, calls, prose }) => {
    const recovered = recoverToolCalls(text, tools);
    expect(recovered.calls).toEqual(calls);
    if (prose !== undefined) expect(recovered.prose).toBe(prose);
  });

  it.each(nearMisses)('leaves $case as text', ({ text }) => {
    expect(recoverToolCalls(text, tools)).toEqual({ calls: [], prose: text });
  });
});
