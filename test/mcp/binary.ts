import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { readAuditRecords, type AuditRecord } from '../../src/audit/index.js';
import { binary } from '../support/cli.js';
import type { ElicitAnswer } from './support.js';

/** An SDK client talking stdio to the built binary (`proxmox-ai mcp --demo`), as Claude Desktop would. */
export async function stdioClient(home: string, name: string, elicit?: ElicitAnswer) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [binary, 'mcp', '--demo'],
    env: { PROXMOX_AI_HOME: home, HOME: home },
    stderr: 'ignore',
  });
  const client = new Client({ name, version: '1.0.0' }, { capabilities: elicit ? { elicitation: { form: {} } } : {} });
  if (elicit) client.setRequestHandler(ElicitRequestSchema, (request) => elicit(request));
  await client.connect(transport);
  return client;
}

/** The built binary as a child process with its output collected, for what an SDK client hides (stdout bytes, exit code, signals). */
export function spawnBinary(home: string, args: string[]) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [binary, ...args], {
    env: { PATH: process.env.PATH, HOME: home, PROXMOX_AI_HOME: home },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => (output.stdout += chunk));
  child.stderr.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const firstLine = new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('close', () => reject(new Error(`exited before printing a line: ${output.stderr}`)));
  });
  return { child, output, exited, firstLine };
}

export async function auditRecords(home: string): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for await (const record of readAuditRecords(path.join(home, 'audit'))) all.push(record);
  return all;
}
