import { describe, expect, it } from 'vitest';
import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';
import { proxmoxTools } from '../../tools/index.js';

const tools = toChatToolSpecs(proxmoxTools);
const size = 1_000_000;

function fill(unit: string, head = 'vm_status '): string {
  return head + unit.repeat(Math.ceil((size - head.length) / unit.length));
}

/**
 * Inputs that make naive parsers scan the rest of the text from every
 * position. Each must be read in linear time: a quadratic reader would take
 * hours on a megabyte, far beyond the test timeout.
 */
const hostile: Array<[shape: string, text: string]> = [
  ['nested open brackets', fill('[')],
  ['nested open braces with keys', fill('{"name":')],
  ['open brackets before an unterminated string', fill('[', 'vm_status ') + '"' + 'x'.repeat(1000)],
  ['many starts of an unterminated string', fill('["x')],
  ['a fence opener followed by spaces', '```' + fill(' ')],
  ['fence openers and spaces', fill('``` ')],
  ['unclosed <tool_call> tags', fill('<tool_call>')],
  ['unclosed <function= tags', fill('<function=vm_status>')],
  ['unclosed parameter tags', '<function=vm_status>' + fill('<parameter=vmid>')],
  ['Mistral markers', fill('[TOOL_CALLS]')],
  ['Mistral named markers with open arguments', fill('[TOOL_CALLS]vm_status[ARGS]{')],
  ['DeepSeek call openers', fill('<｜tool▁call▁begin｜>function<｜tool▁sep｜>vm_status\n')],
  ['Python call openers at line starts', fill('\n[vm_status(vmid=')],
  ['long identifiers in a Python list', '[' + fill('a', 'vm_status')],
  ['thinking openers', fill('<think>')],
  ['inline code ticks', fill('`')],
  ['Action lines', fill('Action: vm_status\n')],
  ['quotes and apostrophes in brackets', fill(`["'`)],
  ['thinking closers', fill('</think>')],
  ['harmony headers and spaces', fill('to=functions.vm_status' + ' '.repeat(100))],
  ['unclosed invoke tags', fill('<invoke name="vm_status">')],
  ['log lines', fill('2026-01-01 10:00 {"name":"vm_status"\n')],
  ['nested Python calls', fill('[vm_status(vmid=[')],
  ['FunctionGemma openers', fill('<start_function_call>call:vm_status{')],
  ['Kimi openers', fill('<|tool_call_begin|>functions.vm_status:0')],
  ['tags named after a tool', fill('<vm_status>')],
  ['unclosed argument pairs', '<tool_call>vm_status\n' + fill('<arg_key>a</arg_key><arg_value>')],
];

describe('recovery on hostile text', () => {
  it.each(hostile)('reads %s of 1 MB without a call', (_shape, text) => {
    expect(recoverToolCalls(text, tools).calls).toEqual([]);
  });

  it('reads a megabyte of calls back to back, each once', () => {
    const call = '<tool_call>{"name": "vm_status", "arguments": {"vmid": 101}}</tool_call>\n';
    const count = Math.floor(size / call.length);
    const { calls, prose } = recoverToolCalls(call.repeat(count), tools);
    expect(calls).toHaveLength(count);
    expect(prose).toBe('');
  });
});
