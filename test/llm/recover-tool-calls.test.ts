import { describe, expect, it } from 'vitest';
import type { ChatToolCall, ChatToolSpec } from '../../src/core/chat-model.js';
import { recoverToolCalls } from '../../src/llm/recover-tool-calls.js';

const tools: ChatToolSpec[] = [
  {
    name: 'vm_status',
    description: 'Status of one guest.',
    parameters: {
      type: 'object',
      properties: { vmid: { type: 'integer' }, node: { type: 'string' } },
      required: ['vmid'],
    },
  },
  {
    name: 'list_tasks',
    description: 'Recent tasks.',
    parameters: {
      type: 'object',
      properties: { vmid: { type: 'integer' }, errorsOnly: { type: 'boolean' }, limit: { type: 'integer' } },
    },
  },
];

const status101: ChatToolCall = { name: 'vm_status', arguments: { vmid: 101 } };
const failedTasks: ChatToolCall = { name: 'list_tasks', arguments: { vmid: 101, errorsOnly: true } };

const recovered: Array<[form: string, text: string, calls: ChatToolCall[], prose: string]> = [
  ['a bare JSON call', '{"name": "vm_status", "arguments": {"vmid": 101}}', [status101], ''],
  ['parameters in place of arguments', '{"name": "vm_status", "parameters": {"vmid": 101}}', [status101], ''],
  [
    'Llama <|python_tag|> with JSON',
    '<|python_tag|>{"name": "vm_status", "parameters": {"vmid": 101}}<|eom_id|>',
    [status101],
    '',
  ],
  ['Llama <|python_tag|> with a .call()', '<|python_tag|>vm_status.call(vmid=101)', [status101], ''],
  ['Mistral [TOOL_CALLS] array', '[TOOL_CALLS] [{"name": "vm_status", "arguments": {"vmid": 101}}]', [status101], ''],
  ['Mistral [TOOL_CALLS]name[ARGS]', '[TOOL_CALLS]vm_status[ARGS]{"vmid": 101}', [status101], ''],
  [
    'Mistral [TOOL_CALLS] with [CALL_ID]',
    '[TOOL_CALLS]vm_status[CALL_ID]a1b2c3d4e[ARGS]{"vmid": 101}',
    [status101],
    '',
  ],
  [
    'Hermes <tool_call> tags',
    '<tool_call>\n{"name": "vm_status", "arguments": {"vmid": 101}}\n</tool_call>',
    [status101],
    '',
  ],
  [
    'two <tool_call> tags',
    '<tool_call>{"name": "vm_status", "arguments": {"vmid": 101}}</tool_call>\n<tool_call>{"name": "list_tasks", "arguments": {"vmid": 101, "errorsOnly": true}}</tool_call>',
    [status101, failedTasks],
    '',
  ],
  [
    'an unterminated <tool_call>',
    'Checking.\n<tool_call>\n{"name": "vm_status", "arguments": {"vmid": 101}}',
    [status101],
    'Checking.',
  ],
  [
    'a fence inside <tool_call>',
    '<tool_call>\n```json\n{"name": "vm_status", "arguments": {"vmid": 101}}\n```\n</tool_call>',
    [status101],
    '',
  ],
  [
    'a json fence after prose',
    'I\'ll check.\n```json\n{"name": "vm_status", "arguments": {"vmid": 101}}\n```',
    [status101],
    "I'll check.",
  ],
  ['a fence without a language', '```\n{"name": "vm_status", "arguments": {"vmid": 101}}\n```', [status101], ''],
  ['a tool_code block with a Python call', '```tool_code\nvm_status(vmid=101)\n```', [status101], ''],
  [
    'a tool_code block with print(default_api...)',
    "```tool_code\nprint(default_api.vm_status(vmid='101'))\n```",
    [status101],
    '',
  ],
  ['a positional Python argument', '```tool_code\nvm_status(101)\n```', [status101], ''],
  [
    'several Python calls in one block',
    '```python\nvm_status(vmid=101)\nlist_tasks(vmid=101, errorsOnly=True)\n```',
    [status101, failedTasks],
    '',
  ],
  [
    'an OpenAI-style function wrapper',
    '{"type": "function", "function": {"name": "vm_status", "arguments": {"vmid": 101}}}',
    [status101],
    '',
  ],
  [
    'an Ollama-style tool_calls wrapper',
    '{"tool_calls": [{"function": {"name": "vm_status", "arguments": {"vmid": 101}}}]}',
    [status101],
    '',
  ],
  [
    'arguments as a JSON string',
    '{"type": "function", "function": {"name": "vm_status", "arguments": "{\\"vmid\\": 101}"}}',
    [status101],
    '',
  ],
  [
    'an array of several calls',
    '[{"name": "vm_status", "arguments": {"vmid": 101}}, {"name": "list_tasks", "arguments": {"vmid": 101, "errorsOnly": true}}]',
    [status101, failedTasks],
    '',
  ],
  [
    'a call embedded in prose',
    'Let me check the VM. {"name": "vm_status", "arguments": {"vmid": 101}} One moment.',
    [status101],
    'Let me check the VM. One moment.',
  ],
  ['a single-quoted Python-literal object', "{'name': 'vm_status', 'arguments': {'vmid': 101}}", [status101], ''],
  [
    'Python True in a literal',
    "{'name': 'list_tasks', 'arguments': {'vmid': 101, 'errorsOnly': True}}",
    [failedTasks],
    '',
  ],
  ['JS-style bare keys and a trailing comma', '{name: "vm_status", arguments: {vmid: 101,},}', [status101], ''],
  ['a number as a string', '{"name": "vm_status", "arguments": {"vmid": "101"}}', [status101], ''],
  [
    'a boolean as a string',
    '{"name": "list_tasks", "arguments": {"vmid": "101", "errorsOnly": "true"}}',
    [failedTasks],
    '',
  ],
  ['tool and args keys', '{"tool": "vm_status", "args": {"vmid": 101}}', [status101], ''],
  [
    'a tool_use object with input',
    '{"type": "tool_use", "name": "vm_status", "input": {"vmid": 101}}',
    [status101],
    '',
  ],
  ['a functions. prefix on the name', '{"name": "functions.vm_status", "arguments": {"vmid": 101}}', [status101], ''],
  [
    'a string where the schema wants a string',
    '{"name": "vm_status", "arguments": {"vmid": 101, "node": "7"}}',
    [{ name: 'vm_status', arguments: { vmid: 101, node: '7' } }],
    '',
  ],
];

const prose: Array<[form: string, text: string]> = [
  ['plain prose', 'VM 101 failed to start because bridge vmbr1 does not exist.'],
  ['prose naming a tool', 'I will use vm_status to check VM 101 next.'],
  ['JSON data that is not a call', 'vm_status returned {"vmid": 101, "status": "stopped"}.'],
  ['a call of an unregistered tool', 'Instead of vm_status: {"name": "stop_vm", "arguments": {"vmid": 101}}'],
  ['a Python-style call in plain prose', 'You can run vm_status(vmid=101) yourself.'],
  ['Python code that is not a call', '```python\nimport vm_status\nprint(vm_status)\n```'],
  ['two name keys', '{"name": "web01", "tool": "vm_status", "arguments": {"vmid": 101}}'],
  ['two argument keys', '{"name": "vm_status", "arguments": {"vmid": 101}, "input": {"vmid": 102}}'],
  ['a name key among data keys', '{"name": "vm_status", "vmid": 101, "note": "from the journal"}'],
  ['an array mixing a call with data', '[{"name": "vm_status", "arguments": {"vmid": 101}}, {"vmid": 102}]'],
  ['malformed JSON', '{"name": "vm_status", "arguments": {"vmid": 101}'],
  ['arguments that are not an object', '{"name": "vm_status", "arguments": 101}'],
  ['a tool_code call of an unregistered function', '```tool_code\nvm_status_all(vmid=101)\n```'],
  ['a JSON fence with a config', '```json\n{"vm_status": "stopped", "vmid": 101}\n```'],
];

describe('recoverToolCalls', () => {
  it.each(recovered)('recovers %s', (_form, text, calls, rest) => {
    expect(recoverToolCalls(text, tools)).toEqual({ calls, prose: rest });
  });

  it.each(prose)('leaves %s as prose', (_form, text) => {
    expect(recoverToolCalls(text, tools)).toEqual({ calls: [], prose: text });
  });

  it('passes an unknown name in call syntax on as written, for validation to answer invalid', () => {
    expect(recoverToolCalls('[TOOL_CALLS]stop_vm[ARGS]{"vmid": 101} after vm_status', tools)).toEqual({
      calls: [{ name: 'stop_vm', arguments: { vmid: 101 } }],
      prose: 'after vm_status',
    });
    expect(
      recoverToolCalls('<tool_call>{"name": "vmstatus", "arguments": {"vmid": 101}}</tool_call>', tools).calls,
    ).toEqual([{ name: 'vmstatus', arguments: { vmid: 101 } }]);
  });

  it('keeps calls in the order they were written across forms', () => {
    const text =
      '<tool_call>{"name": "list_tasks", "arguments": {"vmid": 101, "errorsOnly": true}}</tool_call> then {"name": "vm_status", "arguments": {"vmid": 101}}';
    expect(recoverToolCalls(text, tools).calls).toEqual([failedTasks, status101]);
  });

  it('never lets a __proto__ key reach an object prototype', () => {
    const { calls } = recoverToolCalls(
      "{'name': 'vm_status', 'arguments': {'vmid': 101, '__proto__': {'polluted': true}}}",
      tools,
    );
    const args = calls[0]!.arguments;
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(Object.hasOwn(args, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
