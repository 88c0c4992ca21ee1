import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../support/cli.js';

// Runs the built binary: `npx tsc -p tsconfig.build.json` (or npm test) first.

function rulesFile(home: string, text: string): string {
  const file = path.join(home, 'policy.yaml');
  fs.writeFileSync(file, text);
  return file;
}

const goodRules = `
- id: production-is-hands-off
  tools: ["stop_vm", "rollback_snapshot"]
  where: { tags: ["prod"] }
  verdict: deny
- id: lab-range-is-free
  tools: ["start_vm", "shutdown_vm", "reboot_vm"]
  where: { node: "pve-lab*", vmid: [9000, "9100-9199"], name: "test-*" }
  verdict: allow
`;

describe('proxmox-ai policy check', () => {
  it('summarises a valid file: how many rules, their ids and verdicts', async () => {
    const home = tempHome();
    const file = rulesFile(home, goodRules);
    const run = await runCli(['policy', 'check', file], { home });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(
      `${file}: valid, 2 rules\n  production-is-hands-off  deny\n  lab-range-is-free        allow\n`,
    );
  });

  it('prints one JSON document with --json', async () => {
    const home = tempHome();
    const file = rulesFile(home, goodRules);
    const run = await runCli(['policy', 'check', file, '--json'], { home });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      file,
      valid: true,
      count: 2,
      rules: [
        { id: 'production-is-hands-off', verdict: 'deny' },
        { id: 'lab-range-is-free', verdict: 'allow' },
      ],
    });
  });

  it('exits 2 with one line naming the line, rule id and field of a problem', async () => {
    const home = tempHome();
    const file = rulesFile(home, goodRules.replace('vmid: [9000, "9100-9199"]', 'vmid: [9000, "9199-9100"]'));
    const run = await runCli(['policy', 'check', file], { home });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `proxmox-ai: ${file}:8: rule "lab-range-is-free", field where.vmid[1]: bad range "9199-9100": 9199 is above 9100; write the lower number first\n`,
    );
  });

  it('exits 2 with the JSON error document with --json', async () => {
    const home = tempHome();
    const file = rulesFile(home, '- id: lab\n  wher: { node: "pve-lab*" }\n  verdict: allow\n');
    const run = await runCli(['policy', 'check', file, '--json'], { home });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      error: {
        code: 'policy.file',
        message: `${file}:2: rule "lab", field wher: unknown key "wher"; valid keys here: id, tools, risk, where, args, verdict, confirm, snapshotBefore`,
      },
    });
  });

  it('exits 2 when the file does not exist', async () => {
    const home = tempHome();
    const run = await runCli(['policy', 'check', path.join(home, 'missing.yaml')], { home });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`proxmox-ai: ${path.join(home, 'missing.yaml')}: file not found\n`);
  });
});
