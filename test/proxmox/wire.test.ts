import { describe, expect, it } from 'vitest';
import { apiPath } from '../../src/proxmox/api/requester.js';
import { encodeParams } from '../../src/proxmox/http/params.js';
import { ClusterResourceSchema, NextIdSchema } from '../../src/proxmox/schemas/cluster.js';
import { NodeStatusSchema, splitJournal } from '../../src/proxmox/schemas/nodes.js';
import { pveBoolean, pveNumber } from '../../src/proxmox/schemas/wire.js';

describe('wire scalars', () => {
  it('reads 0/1 booleans', () => {
    expect([0, 1, '0', '1', true].map((value) => pveBoolean.parse(value))).toEqual([false, true, false, true, true]);
  });

  it('reads numbers sent as strings', () => {
    expect(pveNumber.parse('2600.000')).toBe(2600);
    expect(NextIdSchema.parse('106')).toBe(106);
    expect(pveNumber.safeParse('fast').success).toBe(false);
  });

  it('turns a resource into typed fields', () => {
    const parsed = ClusterResourceSchema.parse({
      id: 'qemu/100',
      type: 'qemu',
      vmid: 100,
      template: 0,
      tags: 'prod;web',
      memhost: 5,
    });
    expect(parsed).toMatchObject({ vmid: 100, template: false, tags: ['prod', 'web'], memhost: 5 });
    expect(parsed.lock).toBeUndefined();
  });

  it('parses the string-typed fields of a node status', () => {
    const status = NodeStatusSchema.parse({
      uptime: 10,
      cpu: 0.04,
      loadavg: ['0.42', '0.35', '0.30'],
      memory: { total: 64, used: 20, free: 44 },
      cpuinfo: { mhz: '2600.000', cpus: 16 },
    });
    expect(status.loadavg).toEqual([0.42, 0.35, 0.3]);
    expect(status.cpuinfo?.mhz).toBe(2600);
  });
});

describe('encodeParams', () => {
  it('sends booleans as 0/1, lists as repeated keys, and leaves undefined out', () => {
    expect(encodeParams({ full: true, forceStop: false, vmid: 101, skip: undefined, net: ['a', 'b'] }).toString()).toBe(
      'full=1&forceStop=0&vmid=101&net=a&net=b',
    );
  });
});

describe('apiPath', () => {
  it('percent-encodes each segment, keeping a UPID in one piece', () => {
    const upid = 'UPID:pve1:001A2B3C:0A4F21C3:69F07A96:qmstart:100:root@pam!ai:';
    expect(apiPath`/nodes/${'pve1'}/tasks/${upid}/status`).toBe(`/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`);
    expect(apiPath`/nodes/${'../access'}/status`).toBe('/nodes/..%2Faccess/status');
  });
});

describe('splitJournal', () => {
  it('takes the first and last items as cursors', () => {
    const start = 's=5c1f;i=1a2b3;b=8e0d;m=2f1c0a1;t=6412a0c1b2c3d;x=9f3e';
    const end = 's=5c1f;i=1a2b5;b=8e0d;m=2f1c8b3;t=6412a0c3c4d5e;x=0a4f';
    expect(splitJournal([start, 'line one', '-- Reboot --', 'line two', end])).toEqual({
      lines: ['line one', '-- Reboot --', 'line two'],
      startCursor: start,
      endCursor: end,
    });
  });

  it('keeps every item when there are no cursors', () => {
    expect(splitJournal(['only line'])).toEqual({ lines: ['only line'], startCursor: undefined, endCursor: undefined });
  });
});
