import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmAnswer } from '../../src/core/approver.js';
import { createIacAdapters } from '../../src/iac/index.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';
import { startSshd, systemPrograms, type TestSshd } from '../support/sshd.js';

const available = systemPrograms('run_playbook against a real sshd', ['sshd', 'ssh-keygen', 'ansible-playbook']);
const fixtures = path.join(import.meta.dirname, '../fixtures/iac/playbooks');

describe.skipIf(!available)(
  'run_playbook with ansible-playbook against the loopback sshd host',
  { timeout: 90_000 },
  () => {
    let sshd: TestSshd;
    let dir: string;
    let playbooks: string;
    let inventory: string;

    beforeAll(async () => {
      sshd = await startSshd();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-ansible-'));
      playbooks = path.join(dir, 'playbooks');
      fs.cpSync(fixtures, playbooks, { recursive: true });
      inventory = path.join(dir, 'inventory.ini');
      fs.writeFileSync(
        inventory,
        `loopback ansible_host=127.0.0.1 ansible_port=${sshd.port} ansible_user=${sshd.user} ansible_ssh_private_key_file=${sshd.userKeyFile} ansible_python_interpreter=/usr/bin/python3 ansible_pipelining=true\n`,
      );
    });
    afterAll(async () => sshd?.close());

    function pipelineWith(options: { approve?: boolean; knownHostsFile?: string } = {}) {
      const approver = new ScriptedApprover((): ConfirmAnswer => ({
        approved: options.approve ?? false,
        decidedBy: 'human',
      }));
      const started = startPipeline({
        approver,
        // Every ansible task opens its own SSH connection; on a small CI machine a run takes seconds.
        timeoutMs: { read: 60_000, write: 60_000 },
        adapters: (sim) => ({
          iac: createIacAdapters({
            paths: { workspacesDir: path.join(dir, 'workspaces') },
            config: { iac: { playbookDirs: [playbooks] } },
            profile: { url: sim.url },
            knownHostsFile: options.knownHostsFile ?? sshd.knownHostsFile,
            inventoryFile: inventory,
          }),
        }),
      });
      return { approver, started };
    }

    const target = () => {
      const targetDir = fs.mkdtempSync(path.join(dir, 'target-'));
      return { targetDir, marker: path.join(targetDir, 'marker.txt') };
    };

    it('runs a check by default: per-host recap, nothing changed on the host', async () => {
      const { started } = pipelineWith();
      const pipeline = await started;
      const { targetDir, marker } = target();
      const outcome = await pipeline.call('run_playbook', {
        playbook: 'write.yml',
        extraVars: { target_dir: targetDir },
      });
      await pipeline.close();
      expect(outcome.status).toBe('ok');
      expect(outcome.text).toMatch(
        /^CHECK RUN \(--check --diff: nothing was changed\) of write\.yml \(exit 0\): 1 host\(s\), 0 failed or unreachable/,
      );
      expect(outcome.text).toContain(
        'loopback: ok=1 changed=1 unreachable=0 failed=0 skipped=0\n  changed: "write marker"',
      );
      expect(fs.existsSync(marker)).toBe(false);
    });

    it('runs for real only after confirmation, and the confirmation shows the check result', async () => {
      const { started, approver } = pipelineWith({ approve: true });
      const pipeline = await started;
      const { targetDir, marker } = target();
      const args = { playbook: 'write.yml', extraVars: { target_dir: targetDir } };
      await pipeline.call('run_playbook', args);
      const outcome = await pipeline.call('run_playbook', { ...args, check: false });
      const records = await pipeline.records();
      await pipeline.close();
      expect(outcome.status).toBe('ok');
      expect(outcome.text).toMatch(/^REAL RUN of write\.yml \(exit 0\)/);
      expect(fs.readFileSync(marker, 'utf8')).toBe('written by run_playbook\n');
      expect(approver.asked).toHaveLength(1);
      expect(approver.asked[0]!.risk).toBe('change');
      expect(approver.asked[0]!.target.detail).toBe(
        'check run:\nloopback: ok=1 changed=1 unreachable=0 failed=0 skipped=0\n  changed: "write marker"',
      );
      const kinds = records.filter((record) => record.tool === 'run_playbook').map((record) => record.kind);
      expect(kinds).toEqual(['call', 'decision', 'result', 'call', 'decision', 'answer', 'result']);
    });

    it('does not run for real when the confirmation is declined', async () => {
      const { started } = pipelineWith({ approve: false });
      const pipeline = await started;
      const { targetDir, marker } = target();
      const args = { playbook: 'write.yml', extraVars: { target_dir: targetDir } };
      await pipeline.call('run_playbook', args);
      const outcome = await pipeline.call('run_playbook', { ...args, check: false });
      await pipeline.close();
      expect(outcome.status).toBe('denied');
      expect(fs.existsSync(marker)).toBe(false);
    });

    it('refuses a real run that had no check run with the same arguments', async () => {
      const { started, approver } = pipelineWith({ approve: true });
      const pipeline = await started;
      const outcome = await pipeline.call('run_playbook', {
        playbook: 'write.yml',
        check: false,
        extraVars: { target_dir: dir },
      });
      await pipeline.close();
      expect(outcome.status).toBe('failed');
      expect(outcome.text).toBe(
        'run it with check: true first (same playbook, limit and extraVars); the real run is confirmed with that check result',
      );
      expect(approver.asked).toHaveLength(0);
    });

    it('parses a failing task into the host recap with its message', async () => {
      const { started } = pipelineWith();
      const pipeline = await started;
      const outcome = await pipeline.call('run_playbook', { playbook: 'fail.yml' });
      await pipeline.close();
      expect(outcome.status).toBe('failed');
      expect(outcome.text).toContain(
        'loopback: ok=1 changed=0 unreachable=0 failed=1 skipped=0\n  FAILED "check disk space": disk /var is 99% full on purpose',
      );
      expect(outcome.structured?.hosts).toEqual([
        expect.objectContaining({
          host: 'loopback',
          failed: 1,
          failures: [{ task: 'check disk space', message: 'disk /var is 99% full on purpose' }],
        }),
      ]);
    });

    it('stops ansible-playbook and its children when the call is aborted', async () => {
      const { started } = pipelineWith();
      const pipeline = await started;
      const controller = new AbortController();
      const outcome = await pipeline.call(
        'run_playbook',
        { playbook: 'slow.yml' },
        {
          signal: controller.signal,
          onProgress: (line) => {
            if (line.startsWith('TASK [sleep for a while]')) controller.abort();
          },
        },
      );
      await pipeline.close();
      expect(outcome.status).toBe('aborted');
      const slow = path.join(playbooks, 'slow.yml');
      expect(await processesGone((cmdline) => cmdline.includes(slow))).toBe(true);
    });

    it('refuses a host whose key is not in known_hosts', async () => {
      const empty = path.join(dir, 'known_hosts.empty');
      fs.writeFileSync(empty, '');
      const { started } = pipelineWith({ knownHostsFile: empty });
      const pipeline = await started;
      const outcome = await pipeline.call('run_playbook', { playbook: 'write.yml', extraVars: { target_dir: dir } });
      await pipeline.close();
      expect(outcome.status).toBe('failed');
      expect(outcome.text).toContain('loopback: ok=0 changed=0 unreachable=1 failed=0');
      expect(outcome.text).toContain('Host key verification failed');
    });

    it('refuses a playbook that leads out of the playbook directories through a symlink', async () => {
      const outside = path.join(dir, 'outside.yml');
      fs.copyFileSync(path.join(playbooks, 'write.yml'), outside);
      fs.symlinkSync(outside, path.join(playbooks, 'escape.yml'));
      const { started } = pipelineWith();
      const pipeline = await started;
      const outcome = await pipeline.call('run_playbook', { playbook: 'escape.yml' });
      await pipeline.close();
      expect(outcome.status).toBe('failed');
      expect(outcome.text).toMatch(
        /^playbook 'escape\.yml' is not in .*playbooks; playbooks there: escape\.yml, fail\.yml, slow\.yml, write\.yml$/,
      );
    });

    it.each([
      ['a path out of the directory', { playbook: '../outside.yml' }],
      [
        'a Jinja template in a variable',
        { playbook: 'write.yml', extraVars: { target_dir: "{{ lookup('pipe', 'id') }}" } },
      ],
      [
        'a connection variable',
        { playbook: 'write.yml', extraVars: { ansible_ssh_common_args: '-o ProxyCommand=sh' } },
      ],
      ['a limit that reads a file', { playbook: 'write.yml', limit: '@/etc/passwd' }],
    ])('rejects %s before running anything', async (_label, args) => {
      const { started } = pipelineWith();
      const pipeline = await started;
      const outcome = await pipeline.call('run_playbook', args);
      await pipeline.close();
      expect(outcome.status).toBe('invalid');
    });
  },
);

/** Waits (at most 5 s) until no process's command line matches; true when none is left. */
async function processesGone(matches: (cmdline: string) => boolean): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const alive = fs
      .readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .some((pid) => {
        try {
          return matches(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '));
        } catch {
          return false;
        }
      });
    if (!alive) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
