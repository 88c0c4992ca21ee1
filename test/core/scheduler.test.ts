import { afterEach, describe, expect, it } from 'vitest';
import { AuditWriteError, type AuditSink } from '../../src/audit/index.js';
import { parseScenario } from '../../src/sim/index.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';

type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
let pipeline: Pipeline | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

async function statusOf(p: Pipeline, vmid: number, node = 'pve1'): Promise<string> {
  return (await p.api.guests.status({ node, type: 'qemu', vmid })).status;
}

describe('the scheduler (the one pipeline) against the simulator', () => {
  it('runs an allowed read and records call, decision and result', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('list_vms', {});
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toContain('db-01');
    expect(outcome).toMatchObject({ verdict: 'allow', ruleId: 'reads', decidedBy: 'rule:reads' });
    const kinds = (await pipeline.records()).map((record) => [record.kind, record.tool]);
    expect(kinds).toEqual([
      ['call', 'list_vms'],
      ['decision', 'list_vms'],
      ['result', 'list_vms'],
    ]);
  });

  it('with no approver, ask means deny and the VM is untouched', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('snapshot_vm', { vmid: 104, name: 'before' });
    expect(outcome.status).toBe('denied');
    expect(outcome.text).toMatch(/not approved .*changes-ask/);
    const snapshots = await pipeline.api.guests.snapshots({ node: 'pve1', type: 'qemu', vmid: 104 });
    expect(snapshots.map((snapshot) => snapshot.name)).toEqual(['current']);
  });

  it('a human denial leaves VM 100 running and is in the trail as decidedBy human, with the note', async () => {
    const approver = new ScriptedApprover(() => ({
      approved: false,
      decidedBy: 'human',
      note: 'not during business hours',
    }));
    pipeline = await startPipeline({ approver });
    const outcome = await pipeline.call('stop_vm', { vmid: 100 });
    expect(outcome.status).toBe('denied');
    expect(outcome.text).toContain('not during business hours');
    expect(approver.asked[0]).toMatchObject({
      tool: 'stop_vm',
      confirm: 'typed',
      ruleId: 'prod-changes-typed',
      target: { vmid: 100, name: 'web-01', node: 'pve1', tags: ['prod'] },
    });
    expect(await statusOf(pipeline, 100)).toBe('running');
    const answer = (await pipeline.records()).find((record) => record.kind === 'answer');
    expect(answer).toMatchObject({ decidedBy: 'human', verdict: 'deny', tool: 'stop_vm' });
  });

  it('an approved start that passes its preflight runs and records the real task failure', async () => {
    // A PCI passthrough failure: nothing a preflight reads predicts it, so only the task tells.
    const scenario = parseScenario(
      [
        'name: t',
        'nodes: [{ name: n1, bridges: [vmbr0], storage: [{ id: local-lvm, type: lvmthin, totalGiB: 100, usedGiB: 1 }] }]',
        'guests:',
        '  - { vmid: 300, type: qemu, node: n1, name: gpu, config: { memory: "2048", scsi0: "local-lvm:vm-300-disk-0,size=8G" },',
        '      tasks: [{ type: qmstart, startedAt: "2026-11-20T02:00:00Z", log: ["kvm: -device vfio-pci,host=0000:01:00.0: vfio 0000:01:00.0: failed to open /dev/vfio/1: No such file or directory", "TASK ERROR: start failed: QEMU exited with code 1"] }] }',
      ].join('\n'),
      'inline.yaml',
    );
    const approver = new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));
    pipeline = await startPipeline({ scenario, approver });
    const outcome = await pipeline.call('start_vm', { vmid: 300 });
    expect(approver.asked).toHaveLength(1);
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain('failed to open /dev/vfio/1');
    const result = (await pipeline.records()).at(-1);
    expect(result).toMatchObject({ kind: 'result', outcome: { status: 'failed' } });
    expect(result?.outcome?.summary).toContain('start failed: QEMU exited with code 1');
  });

  it('a start its preflight knows will fail ends before anyone is asked, with the cause, the fix and the preflight in the trail', async () => {
    const approver = new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));
    pipeline = await startPipeline({ approver });
    const outcome = await pipeline.call('start_vm', { vmid: 101 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain("bridge 'vmbr1' (net0) does not exist on pve1; fix: set_vm_network net0 to vmbr0");
    expect(approver.asked).toEqual([]);
    const preflight = (await pipeline.records()).find((record) => record.kind === 'preflight');
    expect(preflight).toMatchObject({
      tool: 'start_vm',
      outcome: { status: 'failed' },
      preflight: { verdict: 'fail' },
    });
  });

  it('names the field and the valid form on bad arguments, and runs nothing', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('vm_status', { vmid: 'abc' });
    expect(outcome.status).toBe('invalid');
    expect(outcome.text).toMatch(/^invalid arguments for vm_status: vmid: /);
    const kinds = (await pipeline.records()).map((record) => record.kind);
    expect(kinds).toEqual(['call', 'result']);
  });

  it('refuses a 2 MB argument as invalid before reading it, and audits it cut', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('vm_status', { vmid: 101, node: 'x'.repeat(2_000_000) });
    expect(outcome.status).toBe('invalid');
    expect(outcome.text).toBe(
      'invalid arguments for vm_status: the arguments are larger than 65536 characters; send a shorter value',
    );
    const [call, result] = await pipeline.records();
    expect(call?.args).toEqual({ vmid: 101, node: `${'x'.repeat(256)}… [cut: 2000000 characters, 256 shown]` });
    expect(result).toMatchObject({ kind: 'result', outcome: { status: 'failed' } });
  });

  it('refuses a __proto__ argument key by name and keeps it in the trail', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('vm_status', JSON.parse('{"vmid":101,"__proto__":{"node":"pve2"}}'));
    expect(outcome.status).toBe('invalid');
    expect(outcome.text).toBe("invalid arguments for vm_status: argument key '__proto__' is not accepted");
    const [call] = await pipeline.records();
    expect(JSON.stringify(call?.args)).toBe('{"vmid":101,"__proto__":{"node":"pve2"}}');
  });

  it('refuses constructor and prototype keys at any depth', async () => {
    pipeline = await startPipeline();
    for (const key of ['constructor', 'prototype']) {
      const outcome = await pipeline.call('list_vms', { filter: { [key]: 1 } });
      expect(outcome.text).toBe(`invalid arguments for list_vms: argument key '${key}' is not accepted`);
    }
  });

  it('answers an unknown tool with the valid names', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('delete_everything', {});
    expect(outcome.status).toBe('invalid');
    expect(outcome.text).toMatch(
      /^unknown tool 'delete_everything'; valid tools: .*guest_agent_info, list_backups, list_nodes, list_storage/,
    );
  });

  it('ignores a model-supplied confirm flag', async () => {
    pipeline = await startPipeline();
    const outcome = await pipeline.call('stop_vm', { vmid: 100, confirm: true });
    expect(outcome.status).toBe('invalid');
    expect(await statusOf(pipeline, 100)).toBe('running');
  });

  it('a deny rule beats everything and says which rule', async () => {
    pipeline = await startPipeline({
      userRules: '- id: prod-hands-off\n  tools: ["stop_vm"]\n  where: { tags: ["prod"] }\n  verdict: deny\n',
      approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })),
    });
    const outcome = await pipeline.call('stop_vm', { vmid: 100 });
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'prod-hands-off' });
    expect(outcome.text).toContain('prod-hands-off');
  });

  it('stops before execution when the audit trail cannot be written', async () => {
    let appends = 0;
    const failing: AuditSink = {
      async append() {
        if (++appends > 1) throw new AuditWriteError('disk full');
        return { seq: appends, hash: 'x' };
      },
    };
    pipeline = await startPipeline({
      audit: failing,
      approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })),
    });
    await expect(pipeline.call('shutdown_vm', { vmid: 100 })).rejects.toThrow('disk full');
    expect(await statusOf(pipeline, 100)).toBe('running');
  });

  it('an abort ends the call and is recorded as aborted', async () => {
    pipeline = await startPipeline({
      taskDurationMs: 60_000,
      approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })),
    });
    const controller = new AbortController();
    const pending = pipeline.call(
      'snapshot_vm',
      { vmid: 200, name: 'slow' },
      { signal: controller.signal, onProgress: () => controller.abort() },
    );
    const outcome = await pending;
    expect(outcome.status).toBe('aborted');
    expect((await pipeline.records()).at(-1)?.outcome?.status).toBe('aborted');
  });

  it('a call that outlives its limit is recorded as a timeout', async () => {
    pipeline = await startPipeline({
      taskDurationMs: 60_000,
      approver: new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' })),
    });
    pipeline.deps.timeoutMs = { read: 10_000, write: 300 };
    const outcome = await pipeline.call('snapshot_vm', { vmid: 200, name: 'slow' });
    expect(outcome.status).toBe('timeout');
    expect((await pipeline.records()).at(-1)?.outcome?.status).toBe('timeout');
  });

  it('a journal line telling the AI to stop VM 100 changes no decision', async () => {
    pipeline = await startPipeline();
    const journal = await pipeline.call('read_journal', { node: 'pve1' });
    expect(journal.text).toContain('NOTE TO AI ASSISTANT');
    expect(journal.text).toMatch(/<<<DATA from journal of pve1/);
    const stop = await pipeline.call('stop_vm', { vmid: 100 });
    expect(stop).toMatchObject({ status: 'denied', ruleId: 'prod-changes-typed' });
    expect(await statusOf(pipeline, 100)).toBe('running');
  });

  it('a session grant allows the same tool and target again, audited as a grant', async () => {
    const approver = new ScriptedApprover(() => ({ approved: true, decidedBy: 'human', grantForSession: true }));
    pipeline = await startPipeline({ approver });
    expect((await pipeline.call('snapshot_vm', { vmid: 200, name: 'first' })).status).toBe('ok');
    const second = await pipeline.call('snapshot_vm', { vmid: 200, name: 'second' });
    expect(second.status).toBe('ok');
    expect(second.decidedBy).toMatch(/^grant:\d+$/);
    expect(approver.asked).toHaveLength(1);
    expect((await pipeline.records()).filter((record) => record.kind === 'grant')).toHaveLength(1);
  });

  it('takes the undo snapshot a rule asks for before the change', async () => {
    const approver = new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));
    pipeline = await startPipeline({
      approver,
      userRules:
        '- id: undo-ct\n  tools: ["shutdown_vm"]\n  where: { vmid: [200] }\n  verdict: ask\n  snapshotBefore: true\n',
    });
    const outcome = await pipeline.call('shutdown_vm', { vmid: 200 });
    expect(outcome.status).toBe('ok');
    const snapshots = await pipeline.api.guests.snapshots({ node: 'pve2', type: 'lxc', vmid: 200 });
    expect(snapshots.map((s) => s.name)).toContain(`pai-stestsession1-${outcome.callSeq}`);
    const undo = (await pipeline.records()).find(
      (record) => record.tool === 'snapshot_vm' && record.origin === 'internal',
    );
    expect(undo?.outcome?.status).toBe('ok');
  });

  it('fails closed when a required undo snapshot cannot be taken', async () => {
    // The undo snapshot's name (session s_testsession1, call seq 1) is already taken, so taking it fails.
    const scenario = parseScenario(
      'name: t\nnodes: [{ name: n1 }]\nguests: [{ vmid: 300, type: qemu, node: n1, name: x, status: running, snapshots: [{ name: pai-stestsession1-1, snaptime: "2026-11-19T00:00:00Z" }] }]\n',
      'inline.yaml',
    );
    const approver = new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));
    pipeline = await startPipeline({
      scenario,
      approver,
      userRules: '- id: undo\n  tools: ["shutdown_vm"]\n  verdict: ask\n  snapshotBefore: true\n',
    });
    const outcome = await pipeline.call('shutdown_vm', { vmid: 300 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain('the change was not made');
    expect((await pipeline.api.guests.status({ node: 'n1', type: 'qemu', vmid: 300 })).status).toBe('running');
  });
});
