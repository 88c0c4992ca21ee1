import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';

type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline({ approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })) });
});
afterAll(() => pipeline.close());

describe('every demo guest through the pipeline', () => {
  it('lists nodes with quorum', async () => {
    const outcome = await pipeline.call('list_nodes', {});
    expect(outcome.text).toMatch(/cluster homelab: quorate/);
    expect(outcome.text).toMatch(/pve1\s+online/);
  });

  it('lists the demo guests with filters and paging', async () => {
    const all = await pipeline.call('list_vms', {});
    for (const name of ['web-01', 'db-01', 'ci-runner', 'files-01', 'analytics', 'ubuntu-2404-tmpl', 'dns'])
      expect(all.text).toContain(name);
    expect((await pipeline.call('list_vms', { type: 'lxc' })).text).not.toContain('web-01');
    expect((await pipeline.call('list_vms', { tag: 'prod', status: 'running' })).text).toContain('web-01');
    const paged = await pipeline.call('list_vms', { limit: 2 });
    expect(paged.text).toMatch(/more not shown; call again with offset=2/);
  });

  it.each([100, 101, 102, 103, 104, 105, 200])('inspects guest %i', async (vmid) => {
    const status = await pipeline.call('vm_status', { vmid });
    expect(status.status).toBe('ok');
    const config = await pipeline.call('vm_config', { vmid });
    expect(config.status).toBe('ok');
    expect(config.text).toMatch(/memory: \d+/);
  });

  it('shows paused-by-io-error for 103 and the lock of 102', async () => {
    expect((await pipeline.call('vm_status', { vmid: 103 })).text).toContain('paused (io-error');
    expect((await pipeline.call('vm_status', { vmid: 102 })).text).toContain('lock: backup');
  });

  it('reads the guest agent of 100', async () => {
    const agent = await pipeline.call('guest_agent_info', { vmid: 100 });
    expect(agent.status).toBe('ok');
    expect(agent.text).toMatch(/\d+\.\d+\.\d+\.\d+\/\d+/);
  });

  it('lists storage and flags the full pool on pve2', async () => {
    const storage = await pipeline.call('list_storage', {});
    expect(storage.summary).toContain('pve2/local-lvm');
  });

  it('reads the failed task of 101 from the task list and its log', async () => {
    const tasks = await pipeline.call('list_tasks', { vmid: 101, errorsOnly: true });
    expect(tasks.text).toContain('qmstart');
    const log = await pipeline.call('read_task_log', { vmid: 101 });
    expect(log.text).toContain("bridge 'vmbr1' does not exist");
  });

  it('power-cycles web-01: shutdown, start, reboot, stop', async () => {
    for (const tool of ['shutdown_vm', 'start_vm', 'reboot_vm', 'stop_vm']) {
      const outcome = await pipeline.call(tool, { vmid: 100 });
      expect([tool, outcome.status]).toEqual([tool, 'ok']);
    }
    expect((await pipeline.call('vm_status', { vmid: 100 })).text).toContain(': stopped');
  });

  it('power-cycles the dns container and snapshots and rolls it back', async () => {
    for (const [tool, args] of [
      ['snapshot_vm', { vmid: 200, name: 'before_test' }],
      ['reboot_vm', { vmid: 200 }],
      ['shutdown_vm', { vmid: 200, timeoutSeconds: 30 }],
      ['rollback_snapshot', { vmid: 200, name: 'before_test' }],
      ['start_vm', { vmid: 200 }],
    ] as const) {
      expect([tool, (await pipeline.call(tool, args)).status]).toEqual([tool, 'ok']);
    }
  });

  it.each([
    [101, "bridge 'vmbr1' (net0) does not exist on pve1; fix: set_vm_network net0 to vmbr0"],
    [102, 'VM 102 (ci-runner) is locked (backup)'],
    [104, 'VM 104 (analytics) needs 96 GiB but pve1 has 64 GiB in total; fix: set_vm_resources memoryMiB'],
    [105, 'VM 105 (ubuntu-2404-tmpl) is a template; fix: clone_vm'],
  ])('starting %i is refused by its preflight, naming the cause and the fix', async (vmid, line) => {
    const outcome = await pipeline.call('start_vm', { vmid });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain(line);
  });

  it('refuses a node that is not where the guest is', async () => {
    const outcome = await pipeline.call('vm_status', { vmid: 101, node: 'pve2' });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toBe('VM 101 is on node pve1, not pve2');
  });
});
