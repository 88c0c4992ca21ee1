import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startScriptedOllama,
  type RecordedChat,
  type ScriptedOllama,
  type ScriptedTurn,
} from '../../harness/scripted-ollama.js';
import { runCli, tempHome } from '../support/cli.js';
import { TmuxPane, tmuxVersion } from '../support/tmux.js';

const requireTools = process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1';
if (tmuxVersion === null && !requireTools)
  console.warn(
    '!!! SKIPPED test/e2e/tui.test.ts: tmux is not installed (apt-get install tmux; set PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1 to make this a failure) !!!',
  );

/** An answer in markdown, streamed in pieces that split the table and the code fence. */
const markdownAnswer = [
  '## Cluster summary\n\nTwo guests need **attention**:\n\n',
  '| Guest | Status |\n|---|---|\n| db-01 | stopped |\n',
  '| files-01 | paused |\n\nFix the bridge:\n\n```sh\nqm set 101 --net0 virtio,bridge=vmbr0\n',
  '```\n',
];

/** The model of the demo conversation: a question about VM 101 gets a vm_status call, the result an answer. */
function demoModel(chat: RecordedChat): ScriptedTurn {
  const last = chat.body.messages[chat.body.messages.length - 1] ?? {};
  if (last.role === 'user' && String(last.content).includes('slowly'))
    return { text: 'Let me think about that ', hang: true };
  if (last.role === 'tool')
    return { text: ['VM 101 (db-01) is stopped. ', "Its last start failed: bridge 'vmbr1' does not exist on pve1."] };
  if (last.role === 'user' && String(last.content).includes('summary')) return { text: markdownAnswer };
  if (last.role === 'user' && String(last.content).includes('101'))
    return { text: 'Let me check VM 101. ', toolCalls: [{ name: 'vm_status', arguments: { vmid: 101 } }] };
  return { text: 'Ask me about a guest.' };
}

/** The dialog ignores keys for a moment after it opens (type-ahead protection); wait that out. */
const pastKeyGuard = () => new Promise((resolve) => setTimeout(resolve, 600));

describe.skipIf(tmuxVersion === null && !requireTools)('proxmox-ai --demo in tmux at 80x24', () => {
  let ollama: ScriptedOllama;
  let pane: TmuxPane;
  const home = tempHome();

  beforeAll(async () => {
    if (tmuxVersion === null) throw new Error('tmux is required (PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1) but not installed');
    ollama = await startScriptedOllama({ respond: demoModel });
    // CI=true as on a CI runner: the screen must still be drawn live (Ink alone would draw nothing until exit).
    pane = new TmuxPane({
      env: {
        PATH: process.env.PATH,
        HOME: home,
        PROXMOX_AI_HOME: home,
        OLLAMA_HOST: ollama.url,
        LANG: 'C.UTF-8',
        TERM: 'xterm-256color',
        CI: 'true',
      },
      args: ['--demo'],
    });
    await pane.start();
    await pane.waitForText('proxmox-ai', 15_000);
  }, 30_000);

  afterAll(async () => {
    await pane?.stop();
    await ollama?.close();
  });

  it('opens full screen with the demo header', async () => {
    expect(await pane.info('#{alternate_on}')).toBe('1');
    expect(await pane.screen()).toMatch(/proxmox-ai · demo/);
  });

  it('answers a question about VM 101 with a tool card and the answer', async () => {
    await pane.line('why does VM 101 not start?');
    const screen = await pane.waitForText('exist on pve1.');
    expect(screen).toContain("Its last start failed: bridge 'vmbr1' does not");
    expect(screen).toMatch(/✓ ▸ vm_status 101 db-01 @ pve1 · allow/);
    await pane.waitFor((now) => !now.includes('thinking…'), 'the turn to end');
  });

  it('aborts a turn that is still streaming with Esc', async () => {
    await pane.line('think slowly about the cluster');
    await pane.waitForText('Let me think about that');
    await pane.keys('Escape');
    await pane.waitForText('Turn aborted.');
  });

  it('denies /shutdown 200 with n and records decidedBy human', async () => {
    await pane.line('/shutdown 200');
    await pane.waitForText('[y] allow once');
    await pastKeyGuard();
    await pane.keys('n');
    await pane.waitForText('denied by human');
    const audit = await runCli(['audit', 'show', '--json'], { home });
    const records = JSON.parse(audit.stdout) as Array<{ tool: string | null; kind: string; decidedBy: string | null }>;
    expect(records).toContainEqual(
      expect.objectContaining({ tool: 'shutdown_vm', kind: 'answer', decidedBy: 'human' }),
    );
  });

  it('ends /start 105 and /start 104 in preflight failures without opening a dialog', async () => {
    await pane.line('/start 105');
    await pane.waitForText('is a template');
    await pane.line('/start 104');
    const screen = await pane.waitForText('needs 96 GiB but pve1 has 64 GiB');
    expect(screen).not.toContain('[y] allow once');
    const audit = await runCli(['audit', 'show', '--json', '--tool', 'start_vm'], { home });
    const kinds = (JSON.parse(audit.stdout) as Array<{ kind: string }>).map((record) => record.kind);
    expect(kinds).toContain('preflight');
    expect(kinds).not.toContain('answer');
  });

  it('asks for typed confirmation for /stop 100 with uptime, HA and backup age, and denies on Esc', async () => {
    await pane.line('/stop 100');
    const dialog = await pane.waitForText('Type 100 or web-01 to confirm');
    expect(dialog).toContain('state: running, up 3d0h -> stopped');
    expect(dialog).toContain('HA: not managed');
    expect(dialog).toMatch(/backup: /);
    await pastKeyGuard();
    await pane.keys('Escape');
    await pane.waitFor((screen) => !screen.includes('Type 100 or web-01 to confirm'), 'the dialog to close');
  });

  it('shows the paused guest as paused with its reason in /vms', async () => {
    await pane.line('/vms');
    const screen = await pane.waitForText('paused (io-error)');
    expect(screen).toMatch(/103 +files-01 .*paused \(io-error\)/);
  });

  it('renders a markdown answer: no ##, ** or table rules left, the command whole', async () => {
    await pane.line('give me a summary');
    const screen = await pane.waitForText('qm set 101 --net0 virtio,bridge=vmbr0');
    expect(screen).toContain('Cluster summary');
    expect(screen).toMatch(/Guest +│ Status/);
    expect(screen).toMatch(/files-01 │ paused/);
    for (const marker of ['##', '**', '|---', '```']) expect(screen).not.toContain(marker);
  });

  it('acts on every key of a chunk sent at once: Ctrl-U, text, Tab', async () => {
    await pane.chunk('junk');
    await pane.chunk('\u0015/diag\t');
    const screen = await pane.waitForText('› /diagnose');
    expect(screen).not.toContain('junk');
    await pane.keys('C-u');
  });

  it('takes abc, three Backspaces and 100 in one chunk as 100 in the typed confirmation', async () => {
    await pane.line('/stop web-01');
    await pane.waitForText('Type 100 or web-01 to confirm');
    await pastKeyGuard();
    await pane.chunk('abc\u007f\u007f\u007f100');
    await pane.waitFor((screen) => /confirm: 100 +│/.test(screen), 'the field to read 100');
    await pane.keys('Escape');
    await pane.waitFor((screen) => !screen.includes('Type 100 or web-01 to confirm'), 'the dialog to close');
  });

  it('follows a resize to 60x20 and back, keeping profile, model and policy in the header', async () => {
    await pane.tmux('resize-window', '-t', 'tui', '-x', '60', '-y', '20');
    const small = await pane.waitFor(
      (screen) => screen.split('\n').some((row) => row.startsWith('proxmox-ai')) && !screen.includes('2 nodes'),
      'the 60-column header',
    );
    expect(small.split('\n')[0]).toMatch(/^proxmox-ai · demo\/homelab · .+ · policy normal$/);
    expect(small.split('\n').every((row) => row.length <= 60)).toBe(true);
    await pane.tmux('resize-window', '-t', 'tui', '-x', '80', '-y', '24');
    await pane.waitForText('policy normal');
  });

  it('exits 0 on /quit and gives the terminal back', async () => {
    await pane.line('/quit');
    await pane.waitForText('proxmox-ai exited with 0');
    expect(await pane.info('#{alternate_on}')).toBe('0');
  });
});

describe.skipIf(tmuxVersion === null && !requireTools)('proxmox-ai --demo in tmux at 60x20', () => {
  let ollama: ScriptedOllama;
  let pane: TmuxPane;
  const home = tempHome();

  beforeAll(async () => {
    ollama = await startScriptedOllama({ respond: demoModel });
    pane = new TmuxPane({
      env: {
        PATH: process.env.PATH,
        HOME: home,
        PROXMOX_AI_HOME: home,
        OLLAMA_HOST: ollama.url,
        LANG: 'C.UTF-8',
        TERM: 'xterm-256color',
      },
      args: ['--demo'],
      columns: 60,
      rows: 20,
    });
    await pane.start();
    await pane.waitForText('policy normal', 15_000);
  }, 30_000);

  afterAll(async () => {
    await pane?.stop();
    await ollama?.close();
  });

  it('fits /vms by dropping low-value columns, every row whole', async () => {
    await pane.chunk('/vms\r');
    const screen = await pane.waitForText('paused (io-error)');
    expect(screen).toMatch(/103 +files-01 +pve2 +paused \(io-error\)/);
    expect(screen).not.toContain('TAGS');
    expect(screen.split('\n').every((row) => row.length <= 60)).toBe(true);
  });

  it('completes a guest name from a chunk with Tab', async () => {
    await pane.chunk('/stop we\t');
    await pane.waitForText('› /stop web-01');
    await pane.keys('C-u');
  });
});

describe('line mode (--plain, TERM=dumb)', () => {
  it('holds the conversation as lines, slash commands included', async () => {
    const run = await runCli(['--demo', '--plain'], {
      home: tempHome(),
      env: { OLLAMA_HOST: 'http://127.0.0.1:9', TERM: 'dumb' },
      input: '/vms\n/quit\n',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[list_vms: ok: 7 of 7 guests]');
    expect(run.stdout).toMatch(/103 +files-01 .*paused \(io-error\)/);
    expect(run.stdout).not.toContain('\u001b[?1049h');
  });
});
