import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/sim/index.js';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { binary, runCli, tempHome } from '../support/cli.js';
import { hostileField, terminalControls } from '../shared/hostile-text.js';

const run = promisify(execFile);
const requireTools = process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1';
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasScript && !requireTools)
  console.warn(
    '!!! SKIPPED the pseudo-terminal tests of test/e2e/terminal-output.test.ts: script (util-linux) is not installed (set PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1 to make this a failure) !!!',
  );

let ollama: ScriptedOllama | undefined;
afterEach(async () => {
  await ollama?.close();
  ollama = undefined;
});

/** A cluster whose free-text fields carry escape codes: a task's exit status and log, a description, a journal line. */
function hostileScenario(home: string): string {
  const scenario: Scenario = {
    name: 'escape-codes',
    now: '2026-11-20T03:00:00Z',
    nodes: [{ name: 'pve1', bridges: [{ name: 'vmbr0' }], storage: [{ id: 'local-lvm', type: 'lvmthin' }] }],
    guests: [
      {
        vmid: 101,
        type: 'qemu',
        node: 'pve1',
        name: 'db-01',
        config: { memory: 2048, description: hostileField, net0: 'virtio=BC:24:11:00:01:01,bridge=vmbr1' },
        tasks: [
          {
            type: 'qmstart',
            startedAt: '2026-11-20T02:00:00Z',
            status: `start failed: ${hostileField}`,
            log: [`bridge 'vmbr1' does not exist ${hostileField}`],
          },
        ],
      },
    ],
    journal: { pve1: [`Nov 20 02:00:00 pve1 qemu[1]: ${hostileField}`] },
  };
  const file = path.join(home, 'escape-codes.json');
  fs.writeFileSync(file, JSON.stringify(scenario));
  return file;
}

/** Runs the built binary on a pseudo-terminal (util-linux script) and returns every byte it wrote there. */
async function onTerminal(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  const quoted = [process.execPath, binary, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const { stdout } = await run('script', ['-q', '-e', '-c', quoted, '/dev/null'], {
    env: { PATH: process.env.PATH, ...env },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return stdout;
}

describe('what reaches a terminal carries no escape codes from outside', () => {
  it.skipIf(!hasScript && !requireTools)(
    'ask on a pseudo-terminal: task status, description, journal and the model text all arrive clean',
    async () => {
      const home = tempHome();
      ollama = await startScriptedOllama({
        script: [
          {
            toolCalls: [
              { name: 'list_tasks', arguments: { vmid: 101 } },
              { name: 'read_task_log', arguments: { vmid: 101 } },
              { name: 'vm_config', arguments: { vmid: 101 } },
              { name: 'read_journal', arguments: { node: 'pve1' } },
            ],
          },
          { text: ['The start failed. ', hostileField, ' Done.'] },
        ],
      });
      const output = await onTerminal(['ask', '--scenario', hostileScenario(home), 'why did 101 fail?'], {
        HOME: home,
        PROXMOX_AI_HOME: home,
        OLLAMA_HOST: ollama.url,
      });
      expect(output).toContain('The start failed. evil');
      expect(output).toContain('[list_tasks');
      expect(output.replaceAll('\r', '')).not.toMatch(terminalControls);
    },
  );

  it('diagnose prints the hostile task status and log clean', async () => {
    const home = tempHome();
    const result = await runCli(['diagnose', '101', '--scenario', hostileScenario(home)], { home });
    expect(result.stdout).toContain('evil');
    expect(result.stdout + result.stderr).not.toMatch(terminalControls);
  });

  it('audit show, show --json and export to a terminal show a hostile tool name clean', async () => {
    const home = tempHome();
    ollama = await startScriptedOllama({
      script: [{ toolCalls: [{ name: hostileField, arguments: {} }] }, { text: 'No such tool.' }],
    });
    const asked = await runCli(['ask', '--demo', 'call it'], { home, env: { OLLAMA_HOST: ollama.url } });
    expect(asked.stderr).toContain('unknown tool');
    for (const args of [
      ['audit', 'show'],
      ['audit', 'show', '--json'],
    ]) {
      const shown = await runCli(args, { home });
      expect(shown.stdout).toContain('evil');
      expect(shown.stdout + shown.stderr).not.toMatch(terminalControls);
    }
    if (hasScript || requireTools) {
      const exported = await onTerminal(['audit', 'export'], { HOME: home, PROXMOX_AI_HOME: home });
      expect(exported).toContain('evil');
      expect(exported.replaceAll('\r', '')).not.toMatch(terminalControls);
    }
  });

  it('doctor shows a hostile Ollama version clean', async () => {
    const home = tempHome();
    ollama = await startScriptedOllama({ version: hostileField });
    const result = await runCli(['doctor', '--demo'], { home, env: { OLLAMA_HOST: ollama.url } });
    expect(result.stdout).toContain('Ollama evil');
    expect(result.stdout + result.stderr).not.toMatch(terminalControls);
  });

  it('policy explain shows a hostile tool name and hostile ARGS_JSON clean in its errors', async () => {
    const home = tempHome();
    const unknownTool = await runCli(['policy', 'explain', '--demo', hostileField, '{}'], { home });
    const notJson = await runCli(['policy', 'explain', '--demo', 'stop_vm', hostileField], { home });
    for (const result of [unknownTool, notJson]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('evil');
      expect(result.stdout + result.stderr).not.toMatch(terminalControls);
    }
  });

  it('an error message quoting a hostile command-line word is clean', async () => {
    const result = await runCli(['diagnose', hostileField], { home: tempHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('evil');
    expect(result.stderr).not.toMatch(terminalControls);
  });
});
