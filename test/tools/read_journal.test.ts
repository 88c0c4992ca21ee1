import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOnce, auditorToken, denyRule, startToolPipeline, type Pipeline } from '../support/tool-cluster.js';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startToolPipeline({ userRules: denyRule('read_journal', '{ node: "pve2" }') });
});
afterAll(() => pipeline.close());

describe('read_journal through the pipeline', () => {
  it("reads a node's journal lines, without the cursors, inside a data fence", async () => {
    const outcome = await pipeline.call('read_journal', { node: 'pve1' });
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toMatch(/^\d+ journal lines from pve1\n<<<DATA from journal of pve1: /);
    expect(outcome.text).toContain('pve1 kernel: EXT4-fs (dm-3): mounted filesystem');
    expect(outcome.text).not.toMatch(/^s=[0-9a-f]+;i=/m);
    expect(outcome.text.endsWith('<<<END DATA>>>')).toBe(true);
  });

  it('keeps only the lines that match grep', async () => {
    const outcome = await pipeline.call('read_journal', { node: 'pve1', grep: 'pvestatd' });
    expect(outcome.summary).toBe('1 journal lines from pve1');
  });

  it('reads nothing from a node the policy denies', async () => {
    const outcome = await pipeline.call('read_journal', { node: 'pve2' });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-read-journal' });
  });

  it('fails in one line naming the privilege the token lacks', async () => {
    const outcome = await callOnce('read_journal', { node: 'pve1' }, { token: auditorToken });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^permission denied for auditor@pve!ro .* lacks Sys\.Syslog on \/nodes\/pve1; /);
  });
});
