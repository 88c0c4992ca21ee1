import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScriptedOllama, type ScriptedOllama } from '../../harness/scripted-ollama.js';
import { ExitCode } from '../../src/shared/exit-codes.js';
import { binary, runCli, tempHome, type CliRun } from '../support/cli.js';

// The exit-code contract of every command, through the built binary: 0 success, 1 runtime error,
// 2 usage error, 3 a call denied or not approved, 4 audit verification failed (README, "Commands").

let ollama: ScriptedOllama;
/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused. */
let closedPort: number;
/** A port on 127.0.0.1 that is taken for the whole file. */
let busy: net.Server;
let busyPort: number;

beforeAll(async () => {
  ollama = await startScriptedOllama({ respond: () => ({ text: 'Nothing to do.' }) });
  closedPort = await freePort();
  busy = net.createServer();
  await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
  busyPort = (busy.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await ollama?.close();
  await new Promise((resolve) => busy?.close(resolve));
});

function cli(args: string[], home = tempHome(), env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(args, { home, env: { OLLAMA_HOST: ollama.url, ...env } });
}

/** Runs the command and checks its exit code; a wrong code fails with the command and what it printed. */
async function expectExit(args: string[], code: ExitCode, home?: string, env?: NodeJS.ProcessEnv): Promise<CliRun> {
  const run = await cli(args, home, env);
  expect(run.code, `proxmox-ai ${args.join(' ')}\n${run.stderr}`).toBe(code);
  return run;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A home whose profile points at a Proxmox host that refuses connections. */
function homeWithUnreachableCluster(): string {
  const home = tempHome();
  fs.writeFileSync(
    path.join(home, 'config.json'),
    JSON.stringify({
      defaultProfile: 'lab',
      profiles: {
        lab: {
          url: `https://127.0.0.1:${closedPort}`,
          tokenId: 'ai@pve!test',
          fingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
        },
      },
    }),
  );
  fs.writeFileSync(path.join(home, 'secrets.json'), JSON.stringify({ profiles: { lab: { tokenSecret: 'x' } } }), {
    mode: 0o600,
  });
  return home;
}

function homeWithRules(rules: string): string {
  const home = tempHome();
  fs.writeFileSync(path.join(home, 'policy.yaml'), rules);
  return home;
}

describe('ask', () => {
  it('exits 0 when the model answers', async () => {
    await expectExit(['ask', '--demo', 'is the cluster fine?'], ExitCode.ok);
  });

  it('exits 2 without a question or with a wrong --approve', async () => {
    await expectExit(['ask', '--demo'], ExitCode.usage);
    await expectExit(['ask', '--demo', 'hi', '--approve', 'everything'], ExitCode.usage);
  });

  it('exits 3 when a change it asked for was not approved', async () => {
    const peer = await startScriptedOllama({
      script: [{ toolCalls: [{ name: 'reboot_vm', arguments: { vmid: 200 } }] }, { text: 'It was not approved.' }],
    });
    try {
      await expectExit(['ask', '--demo', 'reboot CT 200'], ExitCode.denied, tempHome(), { OLLAMA_HOST: peer.url });
    } finally {
      await peer.close();
    }
  });

  it('exits 1 when Ollama cannot be reached', async () => {
    await expectExit(['ask', '--demo', 'hi'], ExitCode.runtime, tempHome(), { OLLAMA_HOST: `127.0.0.1:${closedPort}` });
  });
});

describe('diagnose', () => {
  it('exits 0 with a diagnosis', async () => {
    await expectExit(['diagnose', '101', '--demo'], ExitCode.ok);
  });

  it('exits 2 without a VMID, or with a VMID and --all', async () => {
    await expectExit(['diagnose', '--demo'], ExitCode.usage);
    await expectExit(['diagnose', '101', '--all', '--demo'], ExitCode.usage);
  });

  it('exits 1 for a guest the cluster does not have, or a cluster it cannot reach', async () => {
    await expectExit(['diagnose', '999', '--demo'], ExitCode.runtime);
    await expectExit(['diagnose', '101'], ExitCode.runtime, homeWithUnreachableCluster());
  });

  it('exits 3 when a rule denies the diagnosis', async () => {
    const home = homeWithRules('- id: no-diagnosis\n  tools: [diagnose_vm]\n  verdict: deny\n');
    await expectExit(['diagnose', '101', '--demo'], ExitCode.denied, home);
  });
});

describe('mcp', () => {
  it('exits 0 when the stdio client goes away', async () => {
    await expectExit(['mcp', '--demo'], ExitCode.ok);
  });

  it('exits 2 on flags that do not fit', async () => {
    await expectExit(['mcp', '--demo', '--port', '8080'], ExitCode.usage);
    await expectExit(['mcp', '--demo', '--http', '--port', '70000'], ExitCode.usage);
  });

  it('exits 1 when its HTTP port is taken', async () => {
    await expectExit(['mcp', '--demo', '--http', '--port', String(busyPort)], ExitCode.runtime);
  });
});

describe('policy check and policy explain', () => {
  it('exits 0 for valid rules and for an explained call', async () => {
    const home = tempHome();
    const rules = path.join(home, 'rules.yaml');
    fs.writeFileSync(
      rules,
      '- id: lab-is-free\n  tools: [start_vm]\n  where: { node: "pve-lab*" }\n  verdict: allow\n',
    );
    await expectExit(['policy', 'check', rules], ExitCode.ok, home);
    await expectExit(['policy', 'explain', 'start_vm', '{"vmid":101}', '--demo'], ExitCode.ok);
  });

  it('exits 2 for a rules file with a mistake, a missing file or a missing argument', async () => {
    const home = tempHome();
    const rules = path.join(home, 'rules.yaml');
    fs.writeFileSync(rules, '- id: typo\n  tools: [start_vm]\n  verdict: allwo\n');
    await expectExit(['policy', 'check', rules], ExitCode.usage, home);
    await expectExit(['policy', 'check', path.join(home, 'absent.yaml')], ExitCode.usage, home);
    await expectExit(['policy', 'check'], ExitCode.usage);
    await expectExit(['policy'], ExitCode.usage);
  });

  it('exits 2 when explain gets no JSON object or no tool', async () => {
    await expectExit(['policy', 'explain', 'start_vm', 'vmid=101', '--demo'], ExitCode.usage);
    await expectExit(['policy', 'explain', 'launch_vm', '{}', '--demo'], ExitCode.usage);
  });
});

describe('audit show, verify and export', () => {
  let home: string;
  beforeAll(async () => {
    home = tempHome();
    await expectExit(['diagnose', '101', '--demo'], ExitCode.ok, home);
  });

  it('exits 0 for a trail that verifies', async () => {
    await expectExit(['audit', 'show'], ExitCode.ok, home);
    await expectExit(['audit', 'verify'], ExitCode.ok, home);
    await expectExit(['audit', 'export'], ExitCode.ok, home);
  });

  it('exits 2 on a time it cannot read or a subcommand it does not have', async () => {
    await expectExit(['audit', 'show', '--since', 'yesterday-ish'], ExitCode.usage, home);
    await expectExit(['audit', 'export', '--since', 'soon'], ExitCode.usage, home);
    await expectExit(['audit', 'verify', 'extra'], ExitCode.usage, home);
    await expectExit(['audit', 'rewrite'], ExitCode.usage, home);
  });

  it('exits 4 when verify finds an edited record', async () => {
    const edited = tempHome();
    fs.cpSync(path.join(home, 'audit'), path.join(edited, 'audit'), { recursive: true });
    const day = fs.readdirSync(path.join(edited, 'audit')).find((name) => name.endsWith('.jsonl'))!;
    const file = path.join(edited, 'audit', day);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"diagnose_vm"', '"list_nodes"'));
    await expectExit(['audit', 'verify'], ExitCode.auditVerifyFailed, edited);
  });
});

describe('undo', () => {
  it('exits 0 listing the undo snapshots', async () => {
    await expectExit(['undo', '--demo'], ExitCode.ok);
  });

  it('exits 2 for a snapshot it did not take', async () => {
    await expectExit(['undo', 'before-upgrade', '--demo'], ExitCode.usage);
  });

  it('exits 1 when the cluster cannot be reached', async () => {
    await expectExit(['undo'], ExitCode.runtime, homeWithUnreachableCluster());
  });
});

describe('sim', () => {
  it('exits 0 when stopped with SIGTERM after it printed where it listens', async () => {
    const child = spawn(process.execPath, [binary, 'sim'], {
      env: { PATH: process.env.PATH, PROXMOX_AI_HOME: tempHome() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve();
      });
      child.on('error', reject);
      child.on('close', (code) => reject(new Error(`sim ended (${code}) before listening`)));
    });
    expect(JSON.parse(stdout)).toMatchObject({ url: expect.stringMatching(/^https:\/\/127\.0\.0\.1:\d+$/) });
    const code = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await code).toBe(ExitCode.ok);
  });

  it('exits 2 on a port that is not a number or a scenario it cannot read', async () => {
    await expectExit(['sim', '--port', 'eighty'], ExitCode.usage);
    await expectExit(['sim', '--scenario', path.join(tempHome(), 'absent.yaml')], ExitCode.usage);
  });

  it('exits 1 when its port is taken', async () => {
    await expectExit(['sim', '--port', String(busyPort)], ExitCode.runtime);
  });
});

describe('config', () => {
  it('exits 0 for set, get, list, unset, path and keys', async () => {
    const home = tempHome();
    await expectExit(['config', 'set', 'ai.model', 'qwen3:8b'], ExitCode.ok, home);
    await expectExit(['config', 'get', 'ai.model'], ExitCode.ok, home);
    await expectExit(['config', 'list'], ExitCode.ok, home);
    await expectExit(['config', 'unset', 'ai.model'], ExitCode.ok, home);
    await expectExit(['config', 'path'], ExitCode.ok, home);
    await expectExit(['config', 'keys'], ExitCode.ok, home);
  });

  it('exits 2 for an unknown key, a value of the wrong kind, an unset key or a stray argument', async () => {
    const home = tempHome();
    await expectExit(['config', 'set', 'ai.modle', 'x'], ExitCode.usage, home);
    await expectExit(['config', 'set', 'ai.numCtx', 'large'], ExitCode.usage, home);
    await expectExit(['config', 'get', 'ai.model'], ExitCode.usage, home);
    await expectExit(['config', 'unset', 'ai.modle'], ExitCode.usage, home);
    await expectExit(['config', 'list', 'ai'], ExitCode.usage, home);
    await expectExit(['config', 'path', 'config.json'], ExitCode.usage, home);
    await expectExit(['config', 'keys', 'ai'], ExitCode.usage, home);
    await expectExit(['config'], ExitCode.usage, home);
  });
});

describe('doctor', () => {
  it('exits 0 when nothing fails', async () => {
    await expectExit(['doctor'], ExitCode.ok);
  });

  it('exits 1 when a check fails', async () => {
    await expectExit(['doctor'], ExitCode.runtime, homeWithUnreachableCluster());
  });

  it('exits 2 on an option it does not have', async () => {
    await expectExit(['doctor', '--fix'], ExitCode.usage);
  });
});

describe('cache clear', () => {
  it('exits 0 also when there is nothing to clear', async () => {
    await expectExit(['cache', 'clear'], ExitCode.ok);
  });

  it('exits 2 on a stray argument or without its subcommand', async () => {
    await expectExit(['cache', 'clear', 'everything'], ExitCode.usage);
    await expectExit(['cache'], ExitCode.usage);
  });
});
