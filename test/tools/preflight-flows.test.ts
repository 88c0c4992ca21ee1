import { afterEach, describe, expect, it } from 'vitest';
import type { ConfirmRequest } from '../../src/core/approver.js';
import type { Finding } from '../../src/diagnose/finding.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';

type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
let pipeline: Pipeline | undefined;
afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

const approveAll = () => new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));

describe('preflight and preview on the demo cluster', () => {
  it('start_vm 105 ends in a preflight failure (template) without asking anyone, and the trail records the preflight', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const outcome = await pipeline.call('start_vm', { vmid: 105 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain('VM 105 (ubuntu-2404-tmpl) is a template; fix: clone_vm');
    expect(approver.asked).toEqual([]);
    const records = await pipeline.records();
    expect(records.map((record) => record.kind)).toEqual(['call', 'decision', 'preflight', 'result']);
    const preflight = records.find((record) => record.kind === 'preflight')!;
    expect(preflight.preflight?.verdict).toBe('fail');
    expect(preflight.preflight?.checks).toContainEqual(expect.objectContaining({ check: 'template', result: 'fail' }));
  });

  it('start_vm 104 ends in a preflight failure: 96 GiB on a 64 GiB node', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const outcome = await pipeline.call('start_vm', { vmid: 104 });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain('VM 104 (analytics) needs 96 GiB but pve1 has 64 GiB in total');
    expect(approver.asked).toEqual([]);
  });

  it('the stop_vm 100 confirmation previews uptime, HA, agent and backups', async () => {
    const approver = new ScriptedApprover(() => ({ approved: false, decidedBy: 'human' }));
    pipeline = await startPipeline({ approver });
    await pipeline.call('stop_vm', { vmid: 100 });
    const preview = approver.asked[0]!.preview!;
    console.log(preview);
    expect(preview[0]).toMatch(/^state: running, up 3d0h -> stopped/);
    expect(preview.join('\n')).toContain('HA: not managed; agent: answers (clean shutdown)');
    expect(preview.join('\n')).toMatch(/backup: /);
    expect(preview.length).toBeLessThanOrEqual(6);
    expect(preview.every((line) => line.length <= 80)).toBe(true);
  });

  it('resume_vm 103 is previewed with the full-storage warning', async () => {
    const approver = new ScriptedApprover(() => ({ approved: false, decidedBy: 'human' }));
    pipeline = await startPipeline({ approver });
    await pipeline.call('resume_vm', { vmid: 103 });
    console.log(approver.asked[0]!.preview);
    expect(approver.asked[0]!.preview!.join('\n')).toContain('local-lvm on pve2 is 100% full');
  });

  it('diagnose 104 names a fix call; applied (confirmed) it lets 104 start', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const diagnosis = await pipeline.call('diagnose_vm', { vmid: 104 });
    const findings = (diagnosis.structured as { findings: Finding[] }).findings;
    const action = findings.find((finding) => finding.fixAction)?.fixAction;
    expect(action).toEqual({ tool: 'set_vm_resources', args: { vmid: 104, node: 'pve1', memoryMiB: 49152 } });
    expect(diagnosis.text).toContain('apply: set_vm_resources {"vmid":104,"memoryMiB":49152}');
    const fixed = await pipeline.call(action!.tool, action!.args);
    expect(fixed.status, fixed.text).toBe('ok');
    expect(approver.asked.map((request) => request.tool)).toEqual(['set_vm_resources']);
    expect(approver.asked[0]!.preview).toContain('change: memory 98304 MiB -> 49152 MiB');
    expect((await pipeline.call('start_vm', { vmid: 104 })).status).toBe('ok');
  });

  it('diagnose 101 names moving net0 to vmbr0; applied with typed confirmation (prod) it lets 101 start', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const diagnosis = await pipeline.call('diagnose_vm', { vmid: 101 });
    const action = (diagnosis.structured as { findings: Finding[] }).findings.find((f) => f.fixAction)?.fixAction;
    expect(action).toEqual({ tool: 'set_vm_network', args: { vmid: 101, node: 'pve1', nic: 'net0', bridge: 'vmbr0' } });
    expect((await pipeline.call(action!.tool, action!.args)).status).toBe('ok');
    expect(approver.asked[0]).toMatchObject({ tool: 'set_vm_network', confirm: 'typed', ruleId: 'prod-changes-typed' });
    expect(approver.asked[0]!.preview).toContain('change: net0 bridge vmbr1 -> vmbr0');
    expect((await pipeline.call('start_vm', { vmid: 101 })).status).toBe('ok');
  });

  it('diagnose 103 names resume_vm, whose preview warns that the full storage pauses it again', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const diagnosis = await pipeline.call('diagnose_vm', { vmid: 103 });
    const action = (diagnosis.structured as { findings: Finding[] }).findings.find((f) => f.fixAction)?.fixAction;
    expect(action).toEqual({ tool: 'resume_vm', args: { vmid: 103, node: 'pve2' } });
    const resumed = await pipeline.call(action!.tool, action!.args);
    expect(approver.asked[0]!.preview!.join('\n')).toContain('100% full');
    expect(resumed.status).toBe('failed');
    expect(resumed.text).toContain('paused again (io-error)');
  });

  it('set_vm_resources lowers 104 so it starts; the undo call puts the memory back', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const set = await pipeline.call('set_vm_resources', { vmid: 104, memoryMiB: 49152 });
    expect(set.status, set.text).toBe('ok');
    console.log(approver.asked[0]!.preview);
    const started = await pipeline.call('start_vm', { vmid: 104 });
    expect(started.status, started.text).toBe('ok');
    const preflight = (await pipeline.records()).find(
      (record) => record.kind === 'preflight' && record.tool === 'set_vm_resources',
    );
    expect(preflight?.preflight?.undo).toEqual({
      tool: 'set_vm_resources',
      args: { vmid: 104, node: 'pve1', memoryMiB: 98304 },
    });
  });

  it('set_vm_network moves 101 net0 to vmbr0 with typed confirmation (prod), then it starts', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const set = await pipeline.call('set_vm_network', { vmid: 101, nic: 'net0', bridge: 'vmbr0' });
    expect(set.status, set.text).toBe('ok');
    expect(approver.asked[0]).toMatchObject({ confirm: 'typed' } satisfies Partial<ConfirmRequest>);
    console.log(approver.asked[0]!.preview);
    const started = await pipeline.call('start_vm', { vmid: 101 });
    expect(started.status, started.text).toBe('ok');
  });

  it('clone_vm 105 makes a VM that list_vms shows', async () => {
    pipeline = await startPipeline({ approver: approveAll() });
    const cloned = await pipeline.call('clone_vm', { vmid: 105, name: 'web-02' });
    expect(cloned.status, cloned.text).toBe('ok');
    const listed = await pipeline.call('list_vms', {});
    expect(listed.text).toContain('web-02');
  });

  it('migrate_vm 104 to pve2 is refused by preflight: pve2 lacks the memory', async () => {
    const approver = approveAll();
    pipeline = await startPipeline({ approver });
    const outcome = await pipeline.call('migrate_vm', { vmid: 104, targetNode: 'pve2' });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toContain('needs 96 GiB but pve2 has 32 GiB in total');
    expect(approver.asked).toEqual([]);
  });

  it('a rule can keep prod out of live migration (README example); an offline move needs the bridges on the target', async () => {
    const approver = new ScriptedApprover(() => ({ approved: false, decidedBy: 'human' }));
    pipeline = await startPipeline({
      approver,
      userRules:
        '- id: no-live-migration-of-prod\n  tools: ["migrate_vm"]\n  where: { tags: ["prod"] }\n  args: { online: true }\n  verdict: deny\n',
    });
    const live = await pipeline.call('migrate_vm', { vmid: 100, targetNode: 'pve2', online: true });
    expect(live).toMatchObject({ status: 'denied', ruleId: 'no-live-migration-of-prod' });
    const offline = await pipeline.call('migrate_vm', { vmid: 101, targetNode: 'pve2' });
    expect(offline.status).toBe('failed');
    expect(offline.text).toContain("bridge 'vmbr1' (net0) does not exist on pve2");
    expect(approver.asked).toEqual([]);
  });
});
