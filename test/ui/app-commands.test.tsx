import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { FakeBackend, outcome } from '../../harness/fake-tui-backend.js';
import { keys, renderApp, settle, type Harness } from './support/render-app.js';
import { template } from './support/requests.js';

let harness: Harness | undefined;
afterEach(() => harness?.unmount());

async function start(backend?: FakeBackend) {
  harness = await renderApp(backend ? { backend } : {});
  return harness;
}

describe('slash commands', () => {
  it('runs a tool command through the backend scheduler with the parsed arguments', async () => {
    const h = await start();
    await h.type('/start 105', keys.enter);
    expect(h.backend.toolCalls.map((call) => [call.input, call.args])).toEqual([['start_vm', { vmid: 105 }]]);
  });

  it('shows the outcome and the output of a tool command without expanding it', async () => {
    const h = await start();
    await h.type('/vms db', keys.enter);
    const call = h.backend.toolCalls[0]!;
    expect(call.args).toEqual({ name: 'db' });
    call.emit({ type: 'tool-requested', id: 't1', tool: 'list_vms', args: { name: 'db' } });
    call.emit({
      type: 'tool-decision',
      id: 't1',
      verdict: 'allow',
      ruleId: 'reads',
      decidedBy: 'rule:reads',
      target: { profile: 'demo' },
    });
    call.emit({
      type: 'tool-result',
      id: 't1',
      outcome: outcome('list_vms', 'ok', '1 guest', '101 db-01 qemu pve1 stopped'),
    });
    call.finish(outcome('list_vms', 'ok', '1 guest'));
    await settle();
    expect(h.frame()).toContain('└ ok: 1 guest');
    expect(h.frame()).toContain('101 db-01 qemu pve1 stopped');
  });

  it('offers a diagnosis fix on the expanded card and applies it with f, as an ordinary tool call', async () => {
    const h = await start();
    await h.type('/diagnose 104', keys.enter);
    const call = h.backend.toolCalls[0]!;
    call.emit({ type: 'tool-requested', id: 't1', tool: 'diagnose_vm', args: { vmid: 104 } });
    const fixAction = { tool: 'set_vm_resources', args: { vmid: 104, node: 'pve1', memoryMiB: 49152 } };
    call.emit({
      type: 'tool-result',
      id: 't1',
      outcome: { ...outcome('diagnose_vm', 'ok', '1 finding'), structured: { findings: [{ id: 'x', fixAction }] } },
    });
    call.finish(outcome('diagnose_vm', 'ok', '1 finding'));
    await settle();
    await h.type('f');
    expect(h.backend.toolCalls).toHaveLength(1);
    await h.type(keys.backspace, keys.enter);
    expect(h.frame()).toContain('fix     f: apply fix (set_vm_resources');
    expect(h.frame()).toContain('{"vmid":104,"node":"pve1","memoryMiB":49152})');
    await h.type('f');
    expect(h.backend.toolCalls.map((each) => [each.input, each.args])).toEqual([
      ['diagnose_vm', { vmid: 104 }],
      ['set_vm_resources', fixAction.args],
    ]);
  });

  it('shows the template failure of an allowed start', async () => {
    const h = await start();
    await h.type('/start 105', keys.enter);
    const call = h.backend.toolCalls[0]!;
    call.emit({ type: 'tool-requested', id: 't1', tool: 'start_vm', args: { vmid: 105 } });
    call.emit({
      type: 'tool-decision',
      id: 't1',
      verdict: 'ask',
      ruleId: 'changes-ask',
      decidedBy: 'rule:changes-ask',
      target: template,
    });
    call.emit({
      type: 'tool-result',
      id: 't1',
      outcome: {
        ...outcome('start_vm', 'failed', "TASK ERROR: you can't start a vm if it's a template"),
        verdict: 'allow',
        decidedBy: 'human',
      },
    });
    await settle();
    expect(h.frame()).toContain('✗ ▸ start_vm 105 ubuntu-2404-tmpl @ pve1 · ask → allowed by human');
    expect(h.frame()).toContain("└ failed: TASK ERROR: you can't start a vm if it's a template");
  });

  it('says how to write a command that does not parse, and calls nothing', async () => {
    const h = await start();
    await h.type('/stop nosuch', keys.enter);
    expect(h.frame()).toContain('usage: /stop VMID (a guest id or name such as 101 or db-01)');
    expect(h.backend.toolCalls).toHaveLength(0);
  });

  it('lists commands and keys with /help', async () => {
    const h = await start();
    await h.type('/help', keys.enter);
    expect(h.frame()).toContain('/snapshot VMID NAME');
    expect(h.frame()).toContain('Ctrl-C twice within 2 s quits');
  });

  it('shows the last audit records with /audit n', async () => {
    const backend = new FakeBackend();
    backend.audit = [1, 2, 3].map((seq) => ({
      seq,
      ts: `2026-11-20T03:00:0${seq}.000Z`,
      origin: 'tui',
      tool: 'start_vm',
      target: '105 ubuntu-2404-tmpl',
      verdict: 'deny',
      decidedBy: 'human',
      outcome: 'denied',
    }));
    const h = await start(backend);
    await h.type('/audit 2', keys.enter);
    await settle();
    expect(h.frame()).toContain('#2  03:00:02  tui  start_vm 105 ubuntu-2404-tmpl  deny by human  denied');
    expect(h.frame()).toContain('#3');
    expect(h.frame()).not.toContain('#1 ');
  });

  it('shows the rules and the session grants with /policy', async () => {
    const backend = new FakeBackend();
    backend.policy = {
      rules: [{ id: 'lab-free', verdict: 'allow', source: 'user' }],
      grants: [{ tool: 'start_vm', target: '105 ubuntu-2404-tmpl', seq: 12 }],
    };
    const h = await start(backend);
    await h.type('/policy', keys.enter);
    expect(h.frame()).toContain('lab-free: allow (user)');
    expect(h.frame()).toContain('start_vm on 105 ubuntu-2404-tmpl (audit #12)');
  });

  it('switches the model with /model NAME and shows it in the header', async () => {
    const h = await start();
    await h.type('/model llama3.1:8b', keys.enter);
    await settle();
    expect(h.frame()).toContain('llama3.1:8b ·');
    expect(h.frame()).toContain('Model switched to llama3.1:8b.');
  });

  it('shows the one-line message when the model cannot be switched', async () => {
    const backend = new FakeBackend();
    backend.setModel = async () => {
      throw new AppError('llm.model-missing', "model 'nope' is not installed; run: ollama pull nope");
    };
    const h = await start(backend);
    await h.type('/model nope', keys.enter);
    await settle();
    expect(h.frame()).toContain("model 'nope' is not installed; run: ollama pull nope");
  });

  it('starts a new conversation with /clear', async () => {
    const h = await start();
    await h.type('/help', keys.enter);
    await h.type('/clear', keys.enter);
    expect(h.backend.cleared).toBe(1);
    expect(h.frame()).not.toContain('/snapshot VMID NAME');
    expect(h.frame()).toContain('New conversation; the audit trail goes on.');
  });
});

describe('input history', () => {
  it('recalls the lines of an earlier session with Up and remembers new ones', async () => {
    const backend = new FakeBackend();
    backend.history = ['/vms', '/nodes'];
    harness = await renderApp({ backend });
    const h = harness;
    await h.type(keys.up);
    expect(h.frame()).toContain('› /nodes');
    await h.type(keys.up);
    expect(h.frame()).toContain('› /vms');
    await h.type(keys.enter);
    expect(backend.history).toEqual(['/vms', '/nodes', '/vms']);
  });
});

describe('tab completion', () => {
  it('completes a command name', async () => {
    const h = await start();
    await h.type('/jou', keys.tab, 'pve1');
    expect(h.frame()).toContain('› /journal pve1');
  });

  it('completes a vmid from the cluster and lists the choices when several fit', async () => {
    const h = await start();
    await h.type('/start 1', keys.tab);
    expect(h.frame()).toContain('100 web-01  101 db-01  102 ci-runner');
    expect(h.frame()).toContain('› /start 10');
    await h.type('5', keys.tab);
    expect(h.frame()).toContain('› /start 105');
  });

  it('completes a guest name and shows names beside ids', async () => {
    const h = await start();
    await h.type('/stop we', keys.tab);
    expect(h.frame()).toContain('› /stop web-01');
  });

  it('acts on every key of a chunk in order: Ctrl-U, text, Tab', async () => {
    const h = await start();
    await h.type('junk');
    await h.type('\u0015/diag\t');
    expect(h.frame()).toContain('› /diagnose');
    expect(h.frame()).not.toContain('junk');
  });

  it('completes a node name', async () => {
    const h = await start();
    await h.type('/journal p', keys.tab);
    expect(h.frame()).toContain('pve1  pve2');
    expect(h.frame()).toContain('› /journal pve');
  });
});

describe('command mode', () => {
  it('shows the banner and refuses questions while the model is unavailable', async () => {
    const backend = new FakeBackend();
    backend.banner = 'Ollama is not running at http://127.0.0.1:11434: start it with `ollama serve`.';
    const h = await start(backend);
    expect(h.frame()).toContain('! Ollama is not running at http://127.0.0.1:11434: start it with `ollama serve`.');
    await h.type('why is 101 down?', keys.enter);
    expect(h.backend.turns).toHaveLength(0);
    expect(h.frame()).toContain('Slash commands work meanwhile: /help lists them.');
  });

  it('wraps a long banner instead of cutting off how to start Ollama', async () => {
    const backend = new FakeBackend();
    backend.banner =
      "Ollama is not running at http://127.0.0.1:11434 (connection refused); start it with 'ollama serve' (slash commands still work)";
    const h = await start(backend);
    expect(h.frame()).toContain('! Ollama is not running at http://127.0.0.1:11434 (connection refused); start\n');
    expect(h.frame()).toContain("  it with 'ollama serve' (slash commands still work)");
  });

  it('still runs slash commands', async () => {
    const backend = new FakeBackend();
    backend.banner = 'Ollama is not running.';
    const h = await start(backend);
    await h.type('/nodes', keys.enter);
    expect(h.backend.toolCalls.map((call) => call.input)).toEqual(['list_nodes']);
  });
});
