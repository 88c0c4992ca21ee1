import { afterEach, describe, expect, it } from 'vitest';
import { keys, renderApp, settle, type Harness } from './support/render-app.js';
import { outcome, turnResult, usage } from '../../harness/fake-tui-backend.js';
import { database } from './support/requests.js';

let harness: Harness | undefined;
afterEach(() => harness?.unmount());

async function start() {
  harness = await renderApp();
  return harness;
}

async function asked(question: string) {
  const h = await start();
  await h.type(question, keys.enter);
  return { h, turn: h.backend.turns[0]! };
}

describe('turns', () => {
  it('sends the question to the backend and shows it as a user turn', async () => {
    const { h, turn } = await asked('why is 101 down?');
    expect(turn.input).toBe('why is 101 down?');
    expect(h.frame()).toContain('› why is 101 down?');
    expect(h.frame()).toContain('thinking…');
  });

  it('shows streamed text as it arrives', async () => {
    const { h, turn } = await asked('status?');
    turn.emit({ type: 'text', delta: 'VM 101 ' });
    await settle();
    expect(h.frame()).toContain('VM 101');
    turn.emit({ type: 'text', delta: 'is stopped.' });
    await settle();
    expect(h.frame()).toContain('VM 101 is stopped.');
  });

  it('says answering, not thinking, while the answer streams', async () => {
    const { h, turn } = await asked('status?');
    expect(h.frame()).toContain('thinking…');
    turn.emit({ type: 'text', delta: 'VM 101 ' });
    await settle();
    expect(h.frame()).toContain('answering…');
    expect(h.frame()).not.toContain('thinking…');
  });

  it('shows a tool card with tool, target and verdict, a spinner while it runs, then the outcome', async () => {
    const { h, turn } = await asked('status?');
    turn.emit({ type: 'tool-requested', id: 'c1', tool: 'vm_status', args: { vmid: 101 } });
    turn.emit({
      type: 'tool-decision',
      id: 'c1',
      verdict: 'allow',
      ruleId: 'reads',
      decidedBy: 'rule:reads',
      target: database,
    });
    await settle();
    expect(h.frame()).toMatch(/⠋ ▸ vm_status 101 db-01 @ pve1 · allow by rule:reads/);
    expect(h.frame()).toContain('└ running');
    turn.emit({
      type: 'tool-result',
      id: 'c1',
      outcome: outcome('vm_status', 'ok', 'VM 101 db-01 is stopped', 'status: stopped\ncores: 4'),
    });
    await settle();
    expect(h.frame()).toContain('✓ ▸ vm_status 101 db-01 @ pve1');
    expect(h.frame()).toContain('└ ok: VM 101 db-01 is stopped');
    expect(h.frame()).not.toContain('cores: 4');
  });

  it('expands the marked card with Enter on an empty input', async () => {
    const { h, turn } = await asked('status?');
    turn.emit({ type: 'tool-requested', id: 'c1', tool: 'vm_status', args: { vmid: 101 } });
    turn.emit({
      type: 'tool-result',
      id: 'c1',
      outcome: outcome('vm_status', 'ok', 'stopped', 'status: stopped\ncores: 4'),
    });
    turn.finish(turnResult('answered'));
    await settle();
    await h.type(keys.enter);
    expect(h.frame()).toContain('▾ vm_status');
    expect(h.frame()).toContain('cores: 4');
    expect(h.frame()).toContain('args    {"vmid":101}');
  });

  it('shows context use in the header after a turn', async () => {
    const { h, turn } = await asked('status?');
    turn.emit({ type: 'done', stopReason: 'answered', answer: 'ok', usage });
    await settle();
    expect(h.frame()).toContain('ctx 10% of 40k');
  });

  it('refuses a second question while a turn runs', async () => {
    const { h } = await asked('first');
    await h.type('second', keys.enter);
    expect(h.backend.turns).toHaveLength(1);
    expect(h.frame()).toContain('A turn is running: wait for it, or press Esc to abort it.');
  });
});

describe('aborting and quitting', () => {
  it('aborts the running turn with Esc', async () => {
    const { h, turn } = await asked('status?');
    await h.type(keys.escape);
    expect(turn.signal.aborted).toBe(true);
    expect(h.frame()).toContain('Turn aborted.');
    expect(h.frame()).not.toContain('thinking');
  });

  it('aborts the running turn with one Ctrl-C and does not quit', async () => {
    const { h, turn } = await asked('status?');
    await h.type(keys.ctrlC);
    expect(turn.signal.aborted).toBe(true);
    expect(h.exits).toEqual([]);
    expect(h.frame()).toContain('Press Ctrl-C again within 2 s to quit');
  });

  it('quits with Ctrl-C twice within 2 s', async () => {
    const h = await start();
    await h.type(keys.ctrlC);
    h.clock.ms += 1999;
    await h.type(keys.ctrlC);
    expect(h.exits).toEqual([0]);
  });

  it('does not quit when the second Ctrl-C comes later than 2 s', async () => {
    const h = await start();
    await h.type(keys.ctrlC);
    h.clock.ms += 2001;
    await h.type(keys.ctrlC);
    expect(h.exits).toEqual([]);
  });

  it('quits with /quit', async () => {
    const h = await start();
    await h.type('/quit', keys.enter);
    expect(h.exits).toEqual([0]);
  });
});

describe('step limit', () => {
  it.each([
    ['c', 'continue'],
    ['w', 'wrap-up'],
    ['s', 'stop'],
  ])('asks what to do and answers %s with %s', async (key, choice) => {
    const { h, turn } = await asked('check all guests');
    const answer = turn.stepLimit!();
    await settle();
    expect(h.frame()).toContain('Step limit reached');
    h.clock.ms += 1000;
    await h.type(key);
    expect(await answer).toBe(choice);
    expect(h.frame()).not.toContain('Step limit reached');
  });

  it('ignores the keys typed before the question appeared', async () => {
    const { h, turn } = await asked('check all guests');
    const answer = turn.stepLimit!();
    await settle();
    await h.type('c');
    h.clock.ms += 1000;
    await h.type(keys.escape);
    expect(await answer).toBe('stop');
  });

  it('stops when the turn is aborted while it asks', async () => {
    const { h, turn } = await asked('check all guests');
    const answer = turn.stepLimit!();
    await settle();
    await h.type(keys.ctrlC);
    expect(await answer).toBe('stop');
  });
});

describe('input line', () => {
  it('recalls the previous line with Up', async () => {
    const h = await start();
    await h.type('/nodes', keys.enter);
    h.backend.toolCalls[0]!.finish(outcome('list_nodes', 'ok', '2 nodes'));
    await settle();
    await h.type(keys.up);
    expect(h.frame()).toContain('› /nodes');
  });

  it('keeps a multi-line bracketed paste as one question', async () => {
    const h = await start();
    await h.type(keys.pasteStart, 'first line\rsecond line', keys.pasteEnd);
    expect(h.backend.turns).toHaveLength(0);
    await h.type(keys.enter);
    expect(h.backend.turns[0]!.input).toBe('first line\nsecond line');
  });

  it('submits text and Enter arriving in one read', async () => {
    const h = await start();
    await h.type('hello\r');
    expect(h.backend.turns[0]!.input).toBe('hello');
  });
});
