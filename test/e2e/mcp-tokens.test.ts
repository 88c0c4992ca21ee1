import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempHome } from '../support/cli.js';

describe('proxmox-ai mcp token (built binary)', { timeout: 90_000 }, () => {
  it('prints a new token once, alone on one stdout line, and keeps only its hash (0600)', async () => {
    const home = tempHome();
    const run = await runCli(['mcp', 'token', 'add', 'alice', '--expires', '30'], { home });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^pai_[A-Za-z0-9_-]{43}\n$/);
    const store = path.join(home, 'mcp-tokens.json');
    expect(fs.readFileSync(store, 'utf8')).not.toContain(run.stdout.trim());
    expect(fs.statSync(store).mode & 0o777).toBe(0o600);
  });

  it('prints {"name","token"} with --json', async () => {
    const run = await runCli(['mcp', 'token', 'add', 'ci-nightly', '--json'], { home: tempHome() });
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['name', 'token']);
  });

  it('lists and revokes tokens; a second revoke names the problem (exit 2)', async () => {
    const home = tempHome();
    await runCli(['mcp', 'token', 'add', 'alice'], { home });
    await runCli(['mcp', 'token', 'add', 'bob', '--expires', '7'], { home });
    const listed = await runCli(['mcp', 'token', 'list', '--json'], { home });
    expect(JSON.parse(listed.stdout).map((token: { name: string }) => token.name)).toEqual(['alice', 'bob']);
    const table = await runCli(['mcp', 'token', 'list'], { home });
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+CREATED\s+LAST USED\s+EXPIRES$/);
    expect((await runCli(['mcp', 'token', 'revoke', 'bob'], { home })).code).toBe(0);
    const again = await runCli(['mcp', 'token', 'revoke', 'bob'], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('no token named bob; tokens: alice');
  });

  it('refuses a bad --expires with exit 2 and stores nothing', async () => {
    const home = tempHome();
    const run = await runCli(['mcp', 'token', 'add', 'alice', '--expires', 'soon'], { home });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--expires takes a number of days, such as 90, not 'soon'");
    expect(fs.existsSync(path.join(home, 'mcp-tokens.json'))).toBe(false);
  });
});

describe('proxmox-ai policy explain --actor (built binary)', { timeout: 90_000 }, () => {
  it('matches where.actor rules for the named person only', async () => {
    const home = tempHome();
    fs.writeFileSync(
      path.join(home, 'policy.yaml'),
      '- id: alice-reboots-dns\n  tools: [reboot_vm]\n  where: { vmid: [200], actor: [alice] }\n  verdict: allow\n',
    );
    const explain = (actor: string[]) =>
      runCli(['policy', 'explain', 'reboot_vm', '{"vmid":200}', '--demo', '--json', ...actor], { home });
    const alice = JSON.parse((await explain(['--actor', 'alice'])).stdout);
    const bob = JSON.parse((await explain(['--actor', 'bob'])).stdout);
    const nobody = JSON.parse((await explain([])).stdout);
    expect([alice.verdict, alice.ruleId, alice.actor]).toEqual(['allow', 'alice-reboots-dns', 'alice']);
    expect([bob.verdict, bob.ruleId]).toEqual(['ask', 'changes-ask']);
    expect([nobody.verdict, nobody.actor]).toEqual(['ask', null]);
  });
});
