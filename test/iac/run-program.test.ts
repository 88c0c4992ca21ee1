import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../src/iac/process/find-program.js';
import { runProgram } from '../../src/iac/process/run-program.js';

const sh = '/bin/sh';

describe('runProgram', () => {
  it('passes arguments as they are: no shell interprets them', async () => {
    const outcome = await runProgram(
      '/bin/echo',
      ['$(id)', '; rm -rf /', '`x`'],
      {},
      { cwd: os.tmpdir(), signal: new AbortController().signal },
    );
    expect(outcome).toEqual({ exitCode: 0, signal: null, stdout: '$(id) ; rm -rf / `x`\n', stderr: '' });
  });

  it('streams complete lines of both streams as they arrive', async () => {
    const lines: string[] = [];
    await runProgram(
      sh,
      ['-c', 'printf "one\\ntw"; printf "o\\n" ; echo err >&2; printf "last"'],
      {},
      { cwd: os.tmpdir(), signal: new AbortController().signal, onLine: (line) => lines.push(line) },
    );
    expect(lines.sort()).toEqual(['err', 'last', 'one', 'two']);
  });

  it('feeds stdin and runs in the given directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-run-'));
    const outcome = await runProgram(
      sh,
      ['-c', 'cat; pwd'],
      {},
      { cwd: dir, stdin: 'from stdin\n', signal: new AbortController().signal },
    );
    expect(outcome.stdout).toBe(`from stdin\n${fs.realpathSync(dir)}\n`);
  });

  it('kills the whole process group on abort, children included', async () => {
    const marker = `proxmox-ai-abort-${process.pid}-${Date.now()}`;
    const controller = new AbortController();
    const running = runProgram(
      sh,
      ['-c', `sleep 53 & echo started; wait # ${marker}`],
      {},
      {
        cwd: os.tmpdir(),
        signal: controller.signal,
        onLine: (line) => {
          if (line === 'started') controller.abort();
        },
      },
    );
    const outcome = await running;
    expect(outcome.signal).toBe('SIGTERM');
    expect(livingWith(marker)).toEqual([]);
    expect(livingSleep53()).toEqual([]);
  });

  it('refuses to start when the call is already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runProgram(sh, ['-c', 'true'], {}, { cwd: os.tmpdir(), signal: controller.signal })).rejects.toThrow(
      /not started: the call was cancelled/,
    );
  });
});

describe('findOnPath', () => {
  it('finds an executable in an absolute PATH entry and ignores relative ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-path-'));
    fs.writeFileSync(path.join(dir, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'data'), 'not executable', { mode: 0o644 });
    expect(findOnPath('tool', `relative/bin:${dir}`)).toBe(path.join(dir, 'tool'));
    expect(findOnPath('data', dir)).toBeUndefined();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(findOnPath('tool', '.:')).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
  });
});

function livingWith(text: string): string[] {
  return processes().filter((cmdline) => cmdline.includes(text));
}

function livingSleep53(): string[] {
  return processes().filter((cmdline) => cmdline.trim() === 'sleep 53');
}

function processes(): string[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const state = /^State:\s+(\S)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
        return state === 'Z' ? [] : [fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return [];
      }
    });
}
