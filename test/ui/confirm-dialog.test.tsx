import { afterEach, describe, expect, it } from 'vitest';
import type { ConfirmAnswer, ConfirmRequest } from '../../src/core/approver.js';
import { keys, renderApp, settle, type Harness } from './support/render-app.js';
import { startTemplate, stopDatabase } from './support/requests.js';

let harness: Harness | undefined;
afterEach(() => harness?.unmount());

/** Opens the dialog as the scheduler would, then lets the key guard pass. */
async function openDialog(request: ConfirmRequest, options: { waitForGuard?: boolean } = {}) {
  harness = await renderApp();
  const controller = new AbortController();
  const answer = harness.backend.approver!.confirm(request, controller.signal);
  await settle();
  if (options.waitForGuard !== false) harness.clock.ms += 1000;
  return { h: harness, answer, controller };
}

const human = (extra: Partial<ConfirmAnswer> = {}): ConfirmAnswer => ({ approved: true, decidedBy: 'human', ...extra });

describe('confirmation dialog, plain', () => {
  it('shows the tool, the resolved target, the arguments and the rule', async () => {
    const { h } = await openDialog(startTemplate);
    expect(h.frame()).toContain('Start VM (start_vm), risk change');
    expect(h.frame()).toContain('profile demo, cluster homelab, node pve1, vmid 105, name');
    expect(h.frame()).toContain('ubuntu-2404-tmpl, tags (none)');
    expect(h.frame()).toContain('args     {"vmid":105}');
    expect(h.frame()).toContain('rule     changes-ask');
  });

  it('allows once with y', async () => {
    const { h, answer } = await openDialog(startTemplate);
    await h.type('y');
    expect(await answer).toEqual(human());
    expect(h.frame()).not.toContain('Confirm');
  });

  it('allows for the session with a', async () => {
    const { h, answer } = await openDialog(startTemplate);
    await h.type('a');
    expect(await answer).toEqual(human({ grantForSession: true }));
  });

  it('denies with n', async () => {
    const { h, answer } = await openDialog(startTemplate);
    await h.type('n');
    expect(await answer).toEqual({ approved: false, decidedBy: 'human' });
  });

  it('denies with a note for the model after e', async () => {
    const { h, answer } = await openDialog(startTemplate);
    await h.type('e');
    expect(h.frame()).toContain('Note for the model:');
    await h.type('it is a template, clone it', keys.enter);
    expect(await answer).toEqual({ approved: false, decidedBy: 'human', note: 'it is a template, clone it' });
  });

  it('shows the policy reason and all arguments with d', async () => {
    const { h } = await openDialog({ ...startTemplate, args: { vmid: 105, node: 'pve1' } });
    await h.type('d');
    expect(h.frame()).toContain('rule     rule changes-ask: changes need a human yes');
    expect(h.frame()).toContain('"node": "pve1"');
  });

  it('ignores keys that arrive before the guard time has passed: they were typed before the dialog appeared', async () => {
    const { h, answer } = await openDialog(startTemplate, { waitForGuard: false });
    await h.type('y');
    h.clock.ms += 399;
    await h.type('y');
    expect(h.frame()).toContain('[y] allow once');
    h.clock.ms += 1;
    await h.type('n');
    expect(await answer).toEqual({ approved: false, decidedBy: 'human' });
  });

  it('never takes a chunk of typing such as "yes" as an answer', async () => {
    const { h } = await openDialog(startTemplate);
    await h.type('yes');
    expect(h.frame()).toContain('[y] allow once');
  });

  it('keeps the keyboard while streamed text arrives', async () => {
    harness = await renderApp();
    const h = harness;
    await h.type('why is 105 down?', keys.enter);
    const turn = h.backend.turns[0]!;
    turn.emit({ type: 'text', delta: 'I will start it. ' });
    turn.emit({ type: 'tool-requested', id: 'c1', tool: 'start_vm', args: { vmid: 105 } });
    const answer = h.backend.approver!.confirm(startTemplate, turn.signal);
    await settle();
    h.clock.ms += 1000;
    turn.emit({ type: 'notice', message: 'streaming goes on' });
    await settle();
    await h.type('y');
    expect(await answer).toEqual(human());
  });

  it('shows the model stated reason apart from the facts, marked as its words', async () => {
    harness = await renderApp();
    const h = harness;
    await h.type('why is 105 down?', keys.enter);
    const turn = h.backend.turns[0]!;
    turn.emit({ type: 'text', delta: 'Starting it will show the error.' });
    turn.emit({ type: 'tool-requested', id: 'c1', tool: 'start_vm', args: { vmid: 105 } });
    void h.backend.approver!.confirm(startTemplate, turn.signal);
    await settle();
    const frame = h.frame();
    const dialog = frame.slice(frame.indexOf('Confirm'));
    expect(dialog).toContain('The model says (its words, not checked)');
    expect(dialog.indexOf('rule     changes-ask')).toBeLessThan(dialog.indexOf('"Starting it will show the error."'));
  });

  it('says a slash command was asked for by the user', async () => {
    harness = await renderApp();
    const h = harness;
    await h.type('/start 105', keys.enter);
    h.backend.toolCalls[0]!.emit({ type: 'tool-requested', id: 't1', tool: 'start_vm', args: { vmid: 105 } });
    void h.backend.approver!.confirm(startTemplate, h.backend.toolCalls[0]!.signal);
    await settle();
    expect(h.frame()).toContain('You asked for this with a slash command.');
  });

  it('denies when the turn is aborted while it is open', async () => {
    const { h, answer, controller } = await openDialog(startTemplate);
    controller.abort();
    expect(await answer).toEqual({ approved: false, decidedBy: 'human', note: 'the user aborted the turn' });
    await settle();
    expect(h.frame()).not.toContain('[y] allow once');
  });
});

describe('confirmation dialog, typed', () => {
  it('asks for the vmid or the name and offers no y key', async () => {
    const { h } = await openDialog(stopDatabase);
    expect(h.frame()).toContain('Confirm (typed)');
    expect(h.frame()).toContain('Type 101 or db-01 to confirm:');
    expect(h.frame()).not.toContain('[y] allow once');
  });

  it('approves when the name is typed and Enter pressed', async () => {
    const { h, answer } = await openDialog(stopDatabase);
    await h.type('d', 'b', '-', '0', '1', keys.enter);
    expect(await answer).toEqual(human());
  });

  it('stays open and says so when the text does not match', async () => {
    const { h, answer } = await openDialog(stopDatabase);
    let settled = false;
    void answer.then(() => (settled = true));
    await h.type('1', '0', keys.enter);
    expect(h.frame()).toContain('that is not 101 or db-01');
    expect(settled).toBe(false);
  });

  it('denies with Esc', async () => {
    const { h, answer } = await openDialog(stopDatabase);
    await h.type('1', keys.escape);
    await settle();
    expect(await answer).toEqual({ approved: false, decidedBy: 'human' });
  });

  it('falls back to the node when the target has no guest', async () => {
    const { h } = await openDialog({ ...stopDatabase, target: { profile: 'demo', node: 'pve2' } });
    expect(h.frame()).toContain('Type pve2 to confirm:');
  });
});
