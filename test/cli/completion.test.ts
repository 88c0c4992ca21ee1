import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binary, runCli, tempHome } from '../support/cli.js';
import { systemPrograms } from '../support/sshd.js';

const home = tempHome();
const scripts: Record<string, string> = {};

beforeAll(async () => {
  for (const shell of ['bash', 'zsh', 'fish']) {
    const run = await runCli(['completion', shell], { home });
    expect(run.code).toBe(0);
    scripts[shell] = path.join(home, `completion.${shell}`);
    fs.writeFileSync(scripts[shell]!, run.stdout);
  }
  // The shells find `proxmox-ai` on PATH, as after an install.
  fs.mkdirSync(path.join(home, 'bin'));
  fs.writeFileSync(path.join(home, 'bin/proxmox-ai'), `#!/bin/sh\nexec "${process.execPath}" "${binary}" "$@"\n`, {
    mode: 0o755,
  });
});
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

/** Runs a completion script in the real shell and returns the candidates it offers. */
function shell(program: string, args: string[]): string[] {
  return execFileSync(program, args, { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: home } })
    .split(/\s+/)
    .filter(Boolean);
}

describe('proxmox-ai completion', () => {
  it('refuses a shell it has no script for, naming the choices', async () => {
    const run = await runCli(['completion', 'tcsh'], { home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });

  it.runIf(systemPrograms('bash completion', ['bash']))('completes commands, subcommands and options in bash', () => {
    const complete = (...words: string[]) =>
      shell('bash', [
        '-c',
        `source '${scripts.bash}'; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _proxmox_ai; echo "\${COMPREPLY[@]}"`,
      ]);
    expect(complete('proxmox-ai', 'con')).toEqual(['config']);
    expect(complete('proxmox-ai', 'config', 'u')).toEqual(['unset']);
    expect(complete('proxmox-ai', 'ask', '--j')).toEqual(['--json']);
    expect(complete('proxmox-ai', 'completion', '')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
    expect(complete('proxmox-ai', 'audit', '')).toEqual(expect.arrayContaining(['show', 'verify', 'export']));
  });

  it.runIf(systemPrograms('zsh completion', ['zsh']))('offers the same candidates in zsh', () => {
    // Outside a completion widget compadd and compdef do not exist; these stand-ins print what the script offers.
    const offered = shell('zsh', [
      '-f',
      '-c',
      `compdef() { :; }; source '${scripts.zsh}'; compadd() { print -r -- "\${@:2}"; }; words=(proxmox-ai config x); CURRENT=3; _proxmox_ai`,
    ]);
    expect(offered).toEqual(expect.arrayContaining(['get', 'set', 'unset', 'list', 'path', 'keys']));
    expect(offered).not.toContain('diagnose');
  });

  it.runIf(systemPrograms('fish completion', ['fish']))('completes through fish’s own completion engine', () => {
    const complete = (line: string) =>
      execFileSync('fish', ['--no-config', '-c', `source '${scripts.fish}'; complete -C '${line}'`], {
        encoding: 'utf8',
        env: { PATH: `${path.join(home, 'bin')}:${process.env.PATH}`, HOME: home },
      })
        .split('\n')
        .filter(Boolean)
        .map((entry) => entry.split('\t')[0]);
    expect(complete('proxmox-ai con')).toEqual(['config']);
    expect(complete('proxmox-ai config u')).toEqual(['unset']);
    expect(complete('proxmox-ai diagnose --')).toContain('--json');
  });
});

describe('proxmox-ai help COMMAND', () => {
  it('prints what COMMAND --help prints', async () => {
    const viaHelp = await runCli(['help', 'config', 'set'], { home });
    const viaFlag = await runCli(['config', 'set', '--help'], { home });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(viaFlag.stdout);
    expect(viaHelp.stdout).toMatch(/^Usage: proxmox-ai config set/);
  });

  it('names an unknown command as a usage error', async () => {
    const run = await runCli(['help', 'config', 'frob'], { home });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/'proxmox-ai config' has no command 'frob'/);
  });
});

describe('installed package', () => {
  it('supports the Node that Debian 13 and Proxmox VE 9 ship', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(binary), '../../package.json'), 'utf8'));
    expect(manifest.engines.node).toBe('>=20.19');
    expect(manifest.dependencies ?? {}).toEqual({});
  });
});
