import { describe, expect, it } from 'vitest';
import { callKey } from '../../src/core/agent/call-key.js';
import { capToolText, compactToolResults } from '../../src/core/agent/context-budget.js';
import type { ChatMessage } from '../../src/core/chat-model.js';

describe('callKey', () => {
  it('treats argument order as irrelevant', () => {
    expect(callKey({ name: 'vm_status', arguments: { vmid: 101, node: 'pve1' } })).toBe(
      callKey({ name: 'vm_status', arguments: { node: 'pve1', vmid: 101 } }),
    );
  });

  it('distinguishes different arguments', () => {
    expect(callKey({ name: 'vm_status', arguments: { vmid: 101 } })).not.toBe(
      callKey({ name: 'vm_status', arguments: { vmid: 102 } }),
    );
  });
});

describe('context budget', () => {
  it('caps long tool text and says how to see the rest', () => {
    const capped = capToolText('x'.repeat(100), 40);
    expect(capped.startsWith('x'.repeat(40))).toBe(true);
    expect(capped).toContain('60 more characters cut');
  });

  it('compacts all but the two latest tool results, keeping their first line', () => {
    const history: ChatMessage[] = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'why?' },
      { role: 'tool', toolName: 'list_vms', content: '3 match\nrow\nrow' },
      { role: 'tool', toolName: 'vm_config', content: 'VM 101\nnet0: bridge=vmbr1' },
      { role: 'tool', toolName: 'read_task_log', content: 'task log\nTASK ERROR' },
      { role: 'tool', toolName: 'read_journal', content: 'journal\nlines' },
    ];
    const { messages, compacted } = compactToolResults(history);
    expect(compacted).toBe(2);
    expect(messages[2]).toEqual({
      role: 'tool',
      toolName: 'list_vms',
      content: '[compacted to save context; call list_vms again for details] 3 match',
    });
    expect(messages[4]).toEqual(history[4]);
    expect(messages[5]).toEqual(history[5]);
    expect(messages[1]).toEqual(history[1]);
  });
});
