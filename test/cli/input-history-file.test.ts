import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../src/audit/index.js';
import { InputHistoryFile } from '../../src/cli/session/input-history-file.js';

const secret = '5f1c2b7e-9a4d-4c3b-8e21-0d6f7a9b1c2d';
const redactor = createRedactor({ secrets: [secret] });
const file = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-history-')), 'state', 'input-history');

describe('InputHistoryFile', () => {
  it('keeps lines across sessions in a file only its owner can read', () => {
    const where = file();
    new InputHistoryFile(where, redactor).add('why is 101 down?');
    new InputHistoryFile(where, redactor).add('/vms');
    expect(new InputHistoryFile(where, redactor).load()).toEqual(['why is 101 down?', '/vms']);
    expect(fs.statSync(where).mode & 0o777).toBe(0o600);
  });

  it('never writes a line that looks like it holds a secret', () => {
    const where = file();
    const history = new InputHistoryFile(where, redactor);
    for (const line of [
      `the token is ${secret}`,
      'password=hunter2',
      'PVEAPIToken=ai@pve!assistant=abc',
      'use aGVsbG8gd29ybGQgdGhpcyBpcyBhIGxvbmcgdG9rZW4x',
      'list the guests',
    ])
      history.add(line);
    expect(new InputHistoryFile(where, redactor).load()).toEqual(['list the guests']);
    expect(fs.readFileSync(where, 'utf8')).not.toContain('hunter2');
  });

  it('keeps the last 500 lines, multi-line input included', () => {
    const where = file();
    const history = new InputHistoryFile(where, redactor);
    for (let index = 0; index < 510; index++) history.add(`line ${index}`);
    history.add('two\nlines');
    const loaded = new InputHistoryFile(where, redactor).load();
    expect(loaded).toHaveLength(500);
    expect(loaded[0]).toBe('line 11');
    expect(loaded.at(-1)).toBe('two\nlines');
  });
});
