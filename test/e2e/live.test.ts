import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import { demoScenarioPath, loadScenarioFile, startSimulator } from '../../src/sim/index.js';
import { runCli, tempHome } from '../support/cli.js';
import { TmuxPane, tmuxVersion } from '../support/tmux.js';

const requireTools = process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1';
if (tmuxVersion === null && !requireTools)
  console.warn(
    '!!! SKIPPED test/e2e/live.test.ts: tmux is not installed (apt-get install tmux; set PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1 to make this a failure) !!!',
  );

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
const pastKeyGuard = () => new Promise((resolve) => setTimeout(resolve, 600));
/** The table row of one guest on the screen. */
const rowOf = (screen: string, vmid: number) => screen.split('\n').find((row) => row.includes(` ${vmid} `)) ?? '';

// The simulator runs here, outside the TUI, so its state can change under the live view as a real cluster's would.
describe.skipIf(tmuxVersion === null && !requireTools)('the live view (/top) in tmux at 80x24', () => {
  let sim: Simulator;
  let client: ProxmoxClient;
  let ollama: ScriptedOllama;
  let pane: TmuxPane;
  const home = tempHome();

  beforeAll(async () => {
    if (tmuxVersion === null) throw new Error('tmux is required (PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1) but not installed');
    sim = await startSimulator({ scenario: loadScenarioFile(demoScenarioPath()) });
    client = createProxmoxClient({
      name: 'outside',
      url: sim.url,
      tokenId: sim.tokenId,
      tokenSecret: sim.tokenSecret,
      fingerprint: sim.fingerprint,
    });
    const init = await runCli(
      [
        'init',
        '--profile',
        'lab',
        '--url',
        sim.url,
        '--token-id',
        sim.tokenId,
        '--token-secret',
        '-',
        '--fingerprint',
        sim.fingerprint,
      ],
      { home, input: `${sim.tokenSecret}\n` },
    );
    expect(init.code).toBe(0);
    ollama = await startScriptedOllama({ respond: () => ({ text: 'Ask me about a guest.' }) });
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
      args: [],
      columns: 80,
      rows: 24,
    });
    await pane.start();
    await pane.waitForText('proxmox-ai', 15_000);
  }, 60_000);

  afterAll(async () => {
    await pane?.stop();
    await ollama?.close();
    await client?.close();
    await sim?.close();
  });

  it('opens with /top: nodes, every guest, the paused one with its reason, within 80x24', async () => {
    await pane.line('/top');
    const screen = await pane.waitForText('paused (io-error)', 15_000);
    expect(screen).toMatch(/^live · 7 of 7 guests · by VMID ↑/);
    expect(screen).toMatch(/pve1 +online/);
    expect(rowOf(screen, 100)).toMatch(/web-01 +vm +pve1 +running/);
    expect(rowOf(screen, 104)).toMatch(/analytics +vm +pve1 +stopped/);
    expect(screen).toContain('Enter diagnose · / filter · 1-8 sort');
    const rows = screen.trimEnd().split('\n');
    expect(rows.length).toBeLessThanOrEqual(24);
    expect(rows.every((row) => row.length <= 80)).toBe(true);
  });

  it('shows a guest stopped outside as stopped at the next refresh', async () => {
    await client.guests.power({ node: 'pve1', type: 'qemu', vmid: 100 }, 'stop');
    const screen = await pane.waitFor(
      (now) => /web-01 +vm +pve1 +stopped/.test(rowOf(now, 100)),
      'web-01 to show stopped',
      15_000,
    );
    expect(rowOf(screen, 104)).toMatch(/analytics +vm +pve1 +stopped/);
  });

  it('filters by node and sorts by a column both ways, chunked keys included', async () => {
    await pane.chunk('/node:pve2\r');
    let screen = await pane.waitFor((now) => /filter: node:pve2/.test(now) && rowOf(now, 100) === '', 'the filter');
    expect(screen).toMatch(/^live · 3 of 7 guests/);
    const names = (now: string) =>
      now
        .split('\n')
        .filter((row) => / (vm|ct) +pve\d/.test(row))
        .map((row) => row.replace(/^\W+/, '').trim().split(/\s+/)[1]);
    await pane.keys('2');
    screen = await pane.waitForText('NAME↑');
    expect(names(screen)).toEqual(['ci-runner', 'dns', 'files-01']);
    await pane.keys('2');
    screen = await pane.waitForText('NAME↓');
    expect(names(screen)).toEqual(['files-01', 'dns', 'ci-runner']);
    await pane.keys('/', 'Escape');
    await pane.waitFor((now) => !now.includes('filter:') && rowOf(now, 100) !== '', 'the filter to clear');
  });

  it('sends a power key through the usual confirmation, and a denial leaves the guest as it was', async () => {
    await pane.chunk('/dns\r');
    await pane.waitFor((now) => rowOf(now, 200) !== '' && rowOf(now, 100) === '', 'only 200');
    await pane.keys('b');
    await pane.waitForText('[y] allow once');
    await pastKeyGuard();
    await pane.keys('n');
    const screen = await pane.waitForText('reboot_vm 200 (dns): denied');
    expect(rowOf(screen, 200)).toContain('running');
  });

  it('diagnoses the selected guest with Enter, back in the conversation', async () => {
    await pane.keys('Enter');
    const screen = await pane.waitFor(
      (now) => /diagnose_vm 200/.test(now) && now.startsWith('proxmox-ai'),
      'the diagnosis card',
      20_000,
    );
    expect(screen).not.toMatch(/^live/);
  });

  it('returns to the conversation with Esc, opened again by Ctrl-T', async () => {
    await pane.keys('C-t');
    await pane.waitFor((now) => now.startsWith('live'), 'the live view');
    await pane.keys('Escape');
    const screen = await pane.waitFor((now) => now.split('\n')[0]!.startsWith('proxmox-ai'), 'the conversation');
    expect(screen).not.toMatch(/^live/);
  });
});
