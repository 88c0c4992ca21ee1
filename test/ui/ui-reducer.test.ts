import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../src/core/agent/events.js';
import type { ToolEntry } from '../../src/ui/state/entries.js';
import { uiReducer, type UiAction } from '../../src/ui/state/ui-reducer.js';
import { initialUiState, type UiState } from '../../src/ui/state/ui-state.js';
import { outcome, usage } from '../../harness/fake-tui-backend.js';
import { hostileField, terminalControls } from '../shared/hostile-text.js';

const target = { profile: 'demo', node: 'pve1', vmid: 101, name: 'db-01', tags: ['prod'] };
const play = (...actions: UiAction[]) => actions.reduce(uiReducer, initialUiState);
const event = (run: number, e: AgentEvent): UiAction => ({ type: 'event', run, event: e });
const started: UiAction = { type: 'run-started', run: 1, origin: 'agent' };
const card = (state: UiState) => state.entries.find((entry): entry is ToolEntry => entry.kind === 'tool')!;

describe('uiReducer', () => {
  it('appends streamed text deltas to one assistant entry', () => {
    const state = play(
      started,
      event(1, { type: 'text', delta: 'VM 101 ' }),
      event(1, { type: 'text', delta: 'is stopped.' }),
    );
    expect(state.entries).toEqual([{ kind: 'assistant', key: 'e1', text: 'VM 101 is stopped.', open: true }]);
  });

  it('keeps the identity of entries a delta does not touch', () => {
    const before = play({ type: 'user-turn', text: 'hi' }, started, event(1, { type: 'text', delta: 'a' }));
    const after = uiReducer(before, event(1, { type: 'text', delta: 'b' }));
    expect(after.entries[0]).toBe(before.entries[0]);
    expect(after.entries[1]).not.toBe(before.entries[1]);
  });

  it('gives a tool card the assistant text before the call as the stated reason', () => {
    const state = play(
      started,
      event(1, { type: 'text', delta: 'I will check its status. ' }),
      event(1, { type: 'tool-requested', id: 'c1', tool: 'vm_status', args: { vmid: 101 } }),
    );
    expect(card(state)).toMatchObject({
      tool: 'vm_status',
      reason: 'I will check its status.',
      origin: 'agent',
      expanded: false,
    });
    expect(state.active).toMatchObject({ activity: 'vm_status', reason: '', assistantKey: null });
  });

  it('starts a new assistant entry for text after a tool card', () => {
    const state = play(
      started,
      event(1, { type: 'text', delta: 'before' }),
      event(1, { type: 'tool-requested', id: 'c1', tool: 'list_vms', args: {} }),
      event(1, { type: 'text', delta: 'after' }),
    );
    expect(state.entries.map((entry) => entry.kind)).toEqual(['assistant', 'tool', 'assistant']);
  });

  it('fills in the decision, progress and outcome of the card with that call id', () => {
    const state = play(
      started,
      event(1, { type: 'tool-requested', id: 'c1', tool: 'start_vm', args: { vmid: 101 } }),
      event(1, {
        type: 'tool-decision',
        id: 'c1',
        verdict: 'ask',
        ruleId: 'changes-ask',
        decidedBy: 'rule:changes-ask',
        target,
      }),
      event(1, { type: 'tool-progress', id: 'c1', message: 'waiting for task' }),
      event(1, { type: 'tool-result', id: 'c1', outcome: outcome('start_vm', 'denied', 'denied by human') }),
    );
    expect(card(state)).toMatchObject({
      verdict: 'ask',
      ruleId: 'changes-ask',
      target,
      progress: 'waiting for task',
      outcome: { status: 'denied' },
    });
  });

  it('does not let a later run update an earlier run card with the same call id', () => {
    const state = play(
      started,
      event(1, { type: 'tool-requested', id: 'c1', tool: 'list_vms', args: {} }),
      { type: 'run-finished', run: 1 },
      { type: 'run-started', run: 2, origin: 'agent' },
      event(2, { type: 'tool-result', id: 'c1', outcome: outcome('list_vms', 'ok', 'x') }),
    );
    expect(card(state).outcome).toBeUndefined();
  });

  it('marks cards of slash commands with origin tui', () => {
    const state = play(
      { type: 'run-started', run: 1, origin: 'tui' },
      event(1, { type: 'tool-requested', id: 't1', tool: 'list_nodes', args: {} }),
    );
    expect(card(state).origin).toBe('tui');
  });

  it('records usage and a notice when a turn ends aborted', () => {
    const state = play(started, event(1, { type: 'done', stopReason: 'aborted', answer: '', usage }));
    expect(state.usage).toEqual(usage);
    expect(state.entries).toEqual([{ kind: 'notice', key: 'e1', tone: 'warning', text: 'Turn aborted.' }]);
  });

  it('shows the stop message of a turn stopped by the step limit', () => {
    const state = play(
      started,
      event(1, { type: 'done', stopReason: 'max-steps', answer: 'Stopped after 8 tool rounds (ai.maxSteps).', usage }),
    );
    expect(state.entries).toEqual([
      { kind: 'notice', key: 'e1', tone: 'warning', text: 'Stopped after 8 tool rounds (ai.maxSteps).' },
    ]);
  });

  it('keeps the streamed text and warns in the transcript when the reply was cut', () => {
    const cut = "Stopped: the model's reply was cut at 64 KB (ai.maxReplyBytes).";
    const state = play(
      started,
      event(1, { type: 'text', delta: 'VM 101 is' }),
      event(1, { type: 'done', stopReason: 'reply-too-long', answer: cut, usage }),
    );
    expect(state.entries.map((entry) => [entry.kind, 'text' in entry ? entry.text : ''])).toEqual([
      ['assistant', 'VM 101 is'],
      ['notice', cut],
    ]);
    expect(state.entries[1]).toMatchObject({ tone: 'warning' });
  });

  it('adds the final answer when none of it was streamed', () => {
    const state = play(started, event(1, { type: 'done', stopReason: 'answered', answer: 'All good.', usage }));
    expect(state.entries).toEqual([{ kind: 'assistant', key: 'e1', text: 'All good.', open: false }]);
  });

  it('does not repeat an answer that was streamed', () => {
    const state = play(
      started,
      event(1, { type: 'text', delta: 'All good.' }),
      event(1, { type: 'done', stopReason: 'answered', answer: 'All good.', usage }),
    );
    expect(state.entries).toHaveLength(1);
  });

  it('shows model errors as error notices', () => {
    const state = play(started, event(1, { type: 'error', message: 'ollama is not running', code: 'llm.unreachable' }));
    expect(state.entries).toEqual([{ kind: 'notice', key: 'e1', tone: 'error', text: 'ollama is not running' }]);
  });

  it('toggles the details of a card', () => {
    const state = play(started, event(1, { type: 'tool-requested', id: 'c1', tool: 'list_vms', args: {} }));
    expect(card(uiReducer(state, { type: 'toggle-card', key: card(state).key })).expanded).toBe(true);
  });

  it('clears the transcript but keeps the run in progress and key numbering', () => {
    const state = play({ type: 'user-turn', text: 'hi' }, started, { type: 'clear' });
    expect(state.entries).toEqual([]);
    expect(state.active?.run).toBe(1);
    expect(state.nextKey).toBe(2);
  });

  it('lets no escape code from outside into the transcript: deltas, cards, progress, notices, output', () => {
    const state = play(
      started,
      event(1, { type: 'text', delta: hostileField }),
      event(1, { type: 'tool-requested', id: 'c1', tool: 'vm_config', args: { vmid: 101, note: hostileField } }),
      event(1, { type: 'tool-progress', id: 'c1', message: hostileField }),
      event(1, { type: 'tool-result', id: 'c1', outcome: outcome('vm_config', 'ok', hostileField) }),
      event(1, { type: 'notice', message: hostileField }),
      { type: 'output', title: hostileField, lines: [hostileField] },
    );
    const shown = JSON.stringify(state.entries);
    expect(shown).toContain('evil');
    expect(
      JSON.parse(shown, (_key, value: unknown) => {
        if (typeof value === 'string') expect(value).not.toMatch(terminalControls);
        return value;
      }),
    ).toBeTruthy();
  });
});
