import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export const binary = path.join(packageRoot(), 'dist/bin/proxmox-ai.js');

/** A fresh, private PROXMOX_AI_HOME for one test. */
export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-test-'));
}

/** Spawns the built binary (the global setup builds it) and collects its output. */
export function runCli(
  args: string[],
  options: { home: string; env?: NodeJS.ProcessEnv; input?: string },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binary, ...args], {
      env: { PATH: process.env.PATH, HOME: options.home, PROXMOX_AI_HOME: options.home, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
