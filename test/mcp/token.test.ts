import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrCreateToken } from '../../mcp/index.js';

const tokenFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-token-')), 'config', 'mcp-token');
const fixedRandom = (size: number) => Buffer.alloc(size, 7);

describe('mcp-token', () => {
  it('is created on first use, 0600, from the random source', () => {
    const file = tokenFile();
    const token = loadOrCreateToken(file, fixedRandom);
    expect(token).toBe(Buffer.alloc(32, 7).toString('base64url'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it('is read back, not replaced, on later starts', () => {
    const file = tokenFile();
    const first = loadOrCreateToken(file, fixedRandom);
    expect(loadOrCreateToken(file, () => Buffer.alloc(32, 9))).toBe(first);
  });

  it('is refused when other users can read it', () => {
    const file = tokenFile();
    loadOrCreateToken(file, fixedRandom);
    fs.chmodSync(file, 0o644);
    expect(() => loadOrCreateToken(file, fixedRandom)).toThrow(/readable by other users; run 'chmod 600/);
  });

  it('is refused when the file holds too short a token', () => {
    const file = tokenFile();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'short\n', { mode: 0o600 });
    expect(() => loadOrCreateToken(file, fixedRandom)).toThrow(/holds no usable token/);
  });
});
