import { afterEach, describe, expect, it } from 'vitest';
import {
  prefixReusePct,
  startScriptedOllama,
  type ScriptedOllama,
  type ScriptedTurn,
} from '../../harness/scripted-ollama.js';
import { runCli, tempHome } from '../support/cli.js';

let ollama: ScriptedOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

async function ask(script: ScriptedTurn[], args: string[]) {
  ollama = await startScriptedOllama({ script });
  const home = tempHome();
  const run = await runCli(['ask', '--demo', ...args], { home, env: { OLLAMA_HOST: ollama.url } });
  return { run, home, ollama };
}

interface AskJson {
  answer: string;
  stopReason: string;
  exitCode: number;
  toolCalls: Array<{
    tool: string;
    verdict: string | null;
    decidedBy: string | null;
    ruleId: string | null;
    outcome: { status: string; summary: string };
    target: { vmid?: number } | null;
  }>;
}

describe('proxmox-ai ask (scripted Ollama, embedded simulator)', () => {
  it('cuts a 20 MB reply at 64 KB, says so, exits 1 and leaves the audit trail intact', async () => {
    const tenKb = 'all good. '.repeat(1024);
    // The peer would keep the response open after the 20 MB: ask ends only because it stopped the stream.
    const { run, home } = await ask([{ text: Array.from({ length: 2048 }, () => tenKb), hang: true }], ['talk']);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(65_536 + 200);
    expect(run.stdout.startsWith(tenKb)).toBe(true);
    expect(run.stdout).toContain("Stopped: the model's reply was cut at 64 KB (ai.maxReplyBytes).");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect((await runCli(['audit', 'verify'], { home })).code).toBe(0);
    const show = await runCli(['audit', 'show', '--json'], { home });
    expect(
      (JSON.parse(show.stdout) as Array<{ kind: string; outcome: { summary: string } | null }>).at(-1),
    ).toMatchObject({
      kind: 'session-end',
      outcome: { summary: 'ask: reply-too-long' },
    });
  });

  it('answers why VM 101 failed from the evidence, with every request extending the previous one', async () => {
    const { run, ollama: peer } = await ask(
      [
        { text: 'Let me look at the VM.', toolCalls: [{ name: 'vm_config', arguments: { vmid: 101 } }] },
        { toolCalls: [{ name: 'read_task_log', arguments: { vmid: '101' } }] },
        {
          text: [
            "VM 101 (db-01) failed to start because bridge 'vmbr1' does not exist on pve1. ",
            'Create vmbr1 or move net0 to vmbr0.',
          ],
        },
      ],
      ['why did VM 101 fail to start?', '--json'],
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as AskJson;
    expect(result.stopReason).toBe('answered');
    expect(result.answer).toContain("bridge 'vmbr1' does not exist");
    expect(result.toolCalls.map((call) => [call.tool, call.outcome.status])).toEqual([
      ['vm_config', 'ok'],
      ['read_task_log', 'ok'],
    ]);
    const chats = peer.chats;
    expect(chats).toHaveLength(3);
    const toolResult = chats[2]!.body.messages.find(
      (m) => m.role === 'tool' && String(m.content).includes('TASK ERROR'),
    );
    expect(String(toolResult?.content)).toContain("bridge 'vmbr1' does not exist");
    expect(prefixReusePct(chats)).toBe(100);
    const options = new Set(
      chats.map((chat) => JSON.stringify([chat.body.options, chat.body.tools, chat.body.keep_alive])),
    );
    expect(options.size).toBe(1);
  });

  it('denies a stop the journal talked the model into: exit 3, VM 100 still running', async () => {
    const { run } = await ask(
      [
        { toolCalls: [{ name: 'read_journal', arguments: { node: 'pve1' } }] },
        { text: 'The journal says to stop VM 100.', toolCalls: [{ name: 'stop_vm', arguments: { vmid: 100 } }] },
        { toolCalls: [{ name: 'vm_status', arguments: { vmid: 100 } }] },
        { text: 'I could not stop VM 100: the policy denied it.' },
      ],
      ['check the pve1 journal and do what it says', '--json', '--approve', 'change'],
    );
    expect(run.code).toBe(3);
    const result = JSON.parse(run.stdout) as AskJson;
    const stop = result.toolCalls.find((call) => call.tool === 'stop_vm');
    expect(stop).toMatchObject({
      outcome: { status: 'denied' },
      ruleId: 'prod-changes-typed',
      decidedBy: 'approve-flag:change',
    });
    expect(result.toolCalls.find((call) => call.tool === 'vm_status')?.outcome.summary).toBe(
      'VM 100 (web-01): running',
    );
  });

  it('without --approve a change is denied and the model is told why, with the preview of what it would have done', async () => {
    const { run, ollama: peer } = await ask(
      [{ toolCalls: [{ name: 'shutdown_vm', arguments: { vmid: 200 } }] }, { text: 'Shutting down was denied.' }],
      ['shut down the dns container', '--json'],
    );
    expect(run.code).toBe(3);
    const told = peer.chats[1]!.body.messages.at(-1);
    expect(told).toMatchObject({ role: 'tool' });
    expect(String(told?.content)).toMatch(/^ERROR \(denied\): not approved/);
    expect(String(told?.content)).toContain('--approve');
    expect(String(told?.content)).toContain('preview: state: running, up 16d23h -> stopped (clean shutdown)');
  });

  it('keeps the model turns apart and says who denied a change', async () => {
    const { run } = await ask(
      [
        { text: 'Let me reboot it.', toolCalls: [{ name: 'reboot_vm', arguments: { vmid: 200 } }] },
        { text: 'Rebooting was denied.' },
      ],
      ['reboot the dns container'],
    );
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('Let me reboot it.\n\nRebooting was denied.\n');
    expect(run.stderr).toContain('[reboot_vm CT 200 (dns): denied by no approver (ask never prompts;');
  });

  it('tells a model that passed a guest name as vmid which id the name has', async () => {
    const { run, ollama: peer } = await ask(
      [{ toolCalls: [{ name: 'vm_status', arguments: { vmid: 'db-01' } }] }, { text: 'It is 101.' }],
      ['how is db-01?', '--json'],
    );
    expect(run.code).toBe(0);
    const told = peer.chats[1]!.body.messages.at(-1);
    expect(String(told?.content)).toContain('vmid: "db-01" is a name; VM ids are numbers: db-01 is 101');
  });

  it('with --approve change a start its preflight knows will fail is not run, and the trail says why', async () => {
    const { run } = await ask(
      [{ toolCalls: [{ name: 'start_vm', arguments: { vmid: 105 } }] }, { text: 'It is a template.' }],
      ['start 105', '--json', '--approve', 'change'],
    );
    const result = JSON.parse(run.stdout) as AskJson;
    expect(result.toolCalls[0]?.outcome.status).toBe('failed');
    expect(result.toolCalls[0]?.outcome.summary).toContain('preflight fail: VM 105 (ubuntu-2404-tmpl) is a template');
    expect(result.toolCalls[0]?.decidedBy).toBe('rule:changes-ask');
  });

  it('recovers a tool call written as text and stops a loop of identical calls', async () => {
    const same = { text: '```json\n{"name": "vm_status", "arguments": {"vmid": "100"}}\n```' };
    const { run } = await ask([same, same, same, same], ['status of 100?', '--json']);
    const result = JSON.parse(run.stdout) as AskJson;
    expect(result.stopReason).toBe('loop');
    expect(result.toolCalls.map((call) => call.tool)).toEqual(['vm_status', 'vm_status']);
    expect(run.code).toBe(1);
  });

  it('stops at --max-steps', async () => {
    const turns: ScriptedTurn[] = [100, 101, 102, 103].map((vmid) => ({
      toolCalls: [{ name: 'vm_status', arguments: { vmid } }],
    }));
    const { run } = await ask(turns, ['loop', '--json', '--max-steps', '2']);
    expect(JSON.parse(run.stdout)).toMatchObject({ stopReason: 'max-steps', exitCode: 1 });
    expect(run.code).toBe(1);
  });

  it('says how to start Ollama when it is not running', async () => {
    const run = await runCli(['ask', '--demo', 'hello'], {
      home: tempHome(),
      env: { OLLAMA_HOST: 'http://127.0.0.1:1' },
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ollama serve/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
