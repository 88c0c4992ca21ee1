import { describe, expect, it } from 'vitest';
import { clusterNodeAddress } from '../../src/ssh/index.js';
import { checkNodeName, NodeCommandRefused, renderNodeCommand } from '../../src/ssh/node-commands.js';
import { startPipeline } from '../../harness/pipeline.js';

describe('node command templates', () => {
  it('builds the kernel log command, with since as a quoted UTC time', () => {
    expect(renderNodeCommand({ template: 'kernel-log', lines: 200 })).toBe(
      'journalctl -k --no-pager -o short-iso -n 200',
    );
    expect(renderNodeCommand({ template: 'kernel-log', lines: 20, since: '2026-11-20 01:00:00' })).toBe(
      "journalctl -k --no-pager -o short-iso -n 20 --since '2026-11-20 01:00:00 UTC'",
    );
  });

  it('builds the task index command', () => {
    expect(renderNodeCommand({ template: 'task-index', lines: 50 })).toBe('tail -n 50 /var/log/pve/tasks/index');
  });

  it.each([
    ['a since with a trailing command', { template: 'kernel-log', lines: 5, since: '2026-11-20 01:00:00; id' }],
    ['a since with a newline', { template: 'kernel-log', lines: 5, since: '2026-11-20 01:00:00\nid' }],
    ['a line count as text', { template: 'task-index', lines: '5; id' }],
    ['a line count over the limit', { template: 'task-index', lines: 10_001 }],
    ['an extra argument', { template: 'task-index', lines: 5, path: '/etc/shadow' }],
    ['an unknown template', { template: 'cat', lines: 5 }],
  ])('refuses %s', (_label, command) => {
    expect(() => renderNodeCommand(command as never)).toThrow(NodeCommandRefused);
  });

  it('refuses node names that are not node names', () => {
    expect(() => checkNodeName('pve1')).not.toThrow();
    expect(() => checkNodeName('pve1 -oProxyCommand=id')).toThrow(NodeCommandRefused);
  });
});

describe('clusterNodeAddress', () => {
  it('takes the address the cluster reports for a node, and refuses other names', async () => {
    const pipeline = await startPipeline();
    const resolve = clusterNodeAddress(pipeline.api);
    const signal = new AbortController().signal;
    try {
      expect(await resolve('pve2', signal)).toBe('192.168.1.12');
      await expect(resolve('pve9', signal)).rejects.toThrow(
        "node 'pve9' is not in this cluster; list_nodes shows the names",
      );
    } finally {
      await pipeline.close();
    }
  });
});
