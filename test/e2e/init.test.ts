import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenarioPath, loadScenarioFile, startSimulator } from '../../src/sim/index.js';
import { runCli, tempHome } from '../support/cli.js';
import { TmuxPane, tmuxVersion } from '../support/tmux.js';

type Simulator = Awaited<ReturnType<typeof startSimulator>>;
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ scenario: loadScenarioFile(demoScenarioPath()) });
});
afterAll(() => sim.close());

const scripted = (home: string, extra: string[], secret: string) =>
  runCli(['init', '--profile', 'lab', '--url', sim.url, '--token-id', sim.tokenId, '--token-secret', '-', ...extra], {
    home,
    input: `${secret}\n`,
  });
const configOf = (home: string) => path.join(home, 'config.json');

describe('proxmox-ai init against the simulator', () => {
  it('refuses without --fingerprint on a non-terminal, printing the fingerprint it saw (exit 2)', async () => {
    const home = tempHome();
    const run = await scripted(home, [], sim.tokenSecret);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(sim.fingerprint);
    expect(run.stderr).toContain(`--fingerprint ${sim.fingerprint}`);
    expect(fs.existsSync(configOf(home))).toBe(false);
  });

  it('saves the profile with the pinned fingerprint and the secret from stdin', async () => {
    const home = tempHome();
    const run = await scripted(home, ['--fingerprint', sim.fingerprint], sim.tokenSecret);
    expect(run.stderr).toMatch(/Proxmox VE \d+\.\d+(\.\d+)? answers; token .* sees 7 guest\(s\)/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('profile lab saved (the default)');
    const config = JSON.parse(fs.readFileSync(configOf(home), 'utf8'));
    expect(config).toMatchObject({
      defaultProfile: 'lab',
      profiles: { lab: { url: sim.url, tokenId: sim.tokenId, fingerprint: sim.fingerprint } },
    });
    expect(JSON.stringify(config)).not.toContain(sim.tokenSecret);
    const secrets = path.join(home, 'secrets.json');
    expect(fs.readFileSync(secrets, 'utf8')).toContain(sim.tokenSecret);
    expect(fs.statSync(secrets).mode & 0o777).toBe(0o600);
    expect((await runCli(['ask', '--help'], { home })).code).toBe(0);
    const unset = await runCli(['config', 'unset', 'profiles.lab'], { home });
    expect(unset).toMatchObject({ code: 0 });
    expect(unset.stderr).toContain('profiles.lab removed, with its secrets and defaultProfile');
    expect(fs.readFileSync(secrets, 'utf8')).not.toContain(sim.tokenSecret);
    expect(JSON.parse(fs.readFileSync(configOf(home), 'utf8'))).toEqual({});
  });

  it('saves nothing when the token is wrong', async () => {
    const home = tempHome();
    const run = await scripted(home, ['--fingerprint', sim.fingerprint], 'not-the-secret');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('authentication failed');
    expect(fs.existsSync(configOf(home))).toBe(false);
  });

  it('says the URL cannot be reached, and saves nothing', async () => {
    const home = tempHome();
    const run = await runCli(
      [
        'init',
        '--url',
        'https://127.0.0.1:9',
        '--token-id',
        sim.tokenId,
        '--token-secret',
        '-',
        '--fingerprint',
        sim.fingerprint,
      ],
      { home, input: `${sim.tokenSecret}\n` },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('https://127.0.0.1:9 cannot be reached');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(configOf(home))).toBe(false);
  });

  it('takes a secret from stdin with config set ... -', async () => {
    const home = tempHome();
    const run = await runCli(['config', 'set', 'profiles.lab.tokenSecret', '-'], { home, input: 'abc-123\n' });
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(home, 'secrets.json'), 'utf8')).toContain('"abc-123"');
  });
});

const requireTools = process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1';
describe.skipIf(tmuxVersion === null && !requireTools)('proxmox-ai init on a terminal (tmux)', () => {
  it('shows the fingerprint for trust on first use and reads the secret without echo', async () => {
    const home = tempHome();
    const pane = new TmuxPane({
      env: { PATH: process.env.PATH, HOME: home, PROXMOX_AI_HOME: home, LANG: 'C.UTF-8', TERM: 'xterm-256color' },
      args: ['init'],
    });
    await pane.start();
    try {
      await pane.waitForText('Profile name [home]:');
      await pane.line('');
      await pane.waitForText('Proxmox VE URL');
      await pane.line(sim.url);
      // 95 characters: the terminal wraps the fingerprint's line.
      await pane.waitFor(
        (screen) => screen.replace(/\n/g, '').includes(`SHA-256 fingerprint: ${sim.fingerprint}`),
        'the fingerprint',
      );
      await pane.waitForText('Trust this certificate? [y/N]');
      await pane.line('y');
      await pane.waitForText('API token id');
      await pane.line(sim.tokenId);
      await pane.waitForText('API token secret (not shown):');
      await pane.line(sim.tokenSecret);
      const screen = await pane.waitForText('proxmox-ai exited with 0', 20_000);
      expect(screen).toContain('profile home saved (the default)');
      expect(screen).not.toContain(sim.tokenSecret);
      expect(JSON.parse(fs.readFileSync(configOf(home), 'utf8')).profiles.home.fingerprint).toBe(sim.fingerprint);
    } finally {
      await pane.stop();
    }
  }, 40_000);
});
