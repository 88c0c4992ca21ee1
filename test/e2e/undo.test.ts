import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoScenarioPath, loadScenarioFile, startSimulator, type SimulatorHandle } from '../../src/sim/index.js';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { runCli, tempHome } from '../support/cli.js';

let sim: SimulatorHandle | undefined;
let ollama: ScriptedOllama | undefined;
afterEach(async () => {
  await sim?.close();
  await ollama?.close();
  sim = ollama = undefined;
});

describe('undo snapshots', () => {
  it('a rule with snapshotBefore leaves a snapshot that undo lists and, unconfirmed, does not roll back', async () => {
    sim = await startSimulator({ scenario: loadScenarioFile(demoScenarioPath()), taskDurationMs: 0 });
    ollama = await startScriptedOllama({
      script: [{ toolCalls: [{ name: 'shutdown_vm', arguments: { vmid: 200 } }] }, { text: 'Shut down.' }],
    });
    const home = tempHome();
    const env = { PROXMOX_AI_TOKEN_SECRET: sim.tokenSecret, OLLAMA_HOST: ollama.url };
    for (const [key, value] of [
      ['profiles.lab.url', sim.url],
      ['profiles.lab.tokenId', sim.tokenId],
      ['profiles.lab.fingerprint', sim.fingerprint],
    ]) {
      expect((await runCli(['config', 'set', key!, value!], { home })).code).toBe(0);
    }
    fs.writeFileSync(
      path.join(home, 'policy.yaml'),
      '- id: dns-with-undo\n  tools: ["shutdown_vm"]\n  where: { vmid: [200] }\n  verdict: allow\n  snapshotBefore: true\n',
    );

    const asked = await runCli(['ask', 'shut down the dns container', '--json'], { home, env });
    expect(JSON.parse(asked.stdout).toolCalls[0]).toMatchObject({
      tool: 'shutdown_vm',
      ruleId: 'dns-with-undo',
      outcome: { status: 'ok' },
    });

    const listed = await runCli(['undo', '--json'], { home, env });
    const { snapshots } = JSON.parse(listed.stdout) as {
      snapshots: Array<{ name: string; vmid: number; node: string }>;
    };
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({
      vmid: 200,
      node: 'pve2',
      name: expect.stringMatching(/^pai-s[a-z2-7]{12}-\d+$/),
    });

    const rolled = await runCli(['undo', snapshots[0]!.name], { home, env });
    expect(rolled.code).toBe(3);
    expect(rolled.stderr).toContain('no terminal to confirm on');
    const audit = JSON.parse(
      (await runCli(['audit', 'show', '--json', '--tool', 'rollback_snapshot'], { home })).stdout,
    ) as Array<{ kind: string; decidedBy: string | null }>;
    expect(audit.find((record) => record.kind === 'answer')?.decidedBy).toBe('default');
  }, 60_000);

  it("lists 104's memory change and restores it as a confirmed call", async () => {
    sim = await startSimulator({ scenario: loadScenarioFile(demoScenarioPath()), taskDurationMs: 0 });
    ollama = await startScriptedOllama({
      script: [
        { toolCalls: [{ name: 'set_vm_resources', arguments: { vmid: 104, memoryMiB: 49152 } }] },
        { text: 'Lowered.' },
      ],
    });
    const home = tempHome();
    const env = { PROXMOX_AI_TOKEN_SECRET: sim.tokenSecret, OLLAMA_HOST: ollama.url };
    for (const [key, value] of [
      ['profiles.lab.url', sim.url],
      ['profiles.lab.tokenId', sim.tokenId],
      ['profiles.lab.fingerprint', sim.fingerprint],
    ]) {
      expect((await runCli(['config', 'set', key!, value!], { home })).code).toBe(0);
    }
    const asked = await runCli(['ask', 'let 104 fit its node', '--json', '--approve', 'change'], { home, env });
    expect(JSON.parse(asked.stdout).toolCalls[0]).toMatchObject({
      tool: 'set_vm_resources',
      outcome: { status: 'ok' },
    });

    const listed = await runCli(['undo', '--json'], { home, env });
    const { configChanges } = JSON.parse(listed.stdout) as {
      configChanges: Array<{ id: string; vmid: number; restore: { tool: string; args: Record<string, unknown> } }>;
    };
    expect(configChanges).toHaveLength(1);
    expect(configChanges[0]).toMatchObject({
      id: expect.stringMatching(/^config-\d+$/),
      vmid: 104,
      restore: { tool: 'set_vm_resources', args: { vmid: 104, node: 'pve1', memoryMiB: 98304 } },
    });

    const unconfirmed = await runCli(['undo', configChanges[0]!.id], { home, env });
    expect(unconfirmed.code, unconfirmed.stderr).toBe(3);
    expect(unconfirmed.stderr).toContain('no terminal to confirm on');

    fs.writeFileSync(
      path.join(home, 'policy.yaml'),
      '- id: lab-resources\n  tools: ["set_vm_resources"]\n  where: { vmid: [104] }\n  verdict: allow\n',
    );
    const restored = await runCli(['undo', configChanges[0]!.id], { home, env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('VM 104 (analytics) on pve1: memory 49152 -> 98304');
  }, 60_000);

  it('refuses a snapshot name it does not know', async () => {
    const run = await runCli(['undo', 'pai-nope-1', '--demo'], { home: tempHome() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("no undo snapshot or config change 'pai-nope-1' on profile demo");
  });
});
