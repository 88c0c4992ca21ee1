import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuestDiagnosis, ProblemsReport } from '../../src/diagnose/finding.js';
import { diagnoseVm } from '../../tools/diagnose_vm.js';
import { findProblems } from '../../tools/find_problems.js';
import { startDemoCluster, type LiveCluster } from './support/cluster.js';

// What each demo guest is diagnosed with, through the tools, the real client and the simulator.
let cluster: LiveCluster;

beforeAll(async () => {
  cluster = await startDemoCluster();
});

afterAll(async () => {
  await cluster.close();
});

async function diagnose(vmid: number): Promise<GuestDiagnosis & { reads: string[] }> {
  const result = await diagnoseVm.run({ vmid }, cluster.context());
  return result.structured as unknown as GuestDiagnosis & { reads: string[] };
}

describe('diagnose_vm on the demo', () => {
  it('names the missing vmbr1 on pve1 for 101, confirmed by the node network', async () => {
    const result = await diagnose(101);
    expect(result).toMatchObject({ vmid: 101, node: 'pve1', name: 'db-01', status: 'stopped' });
    expect(result.findings[0]).toMatchObject({ id: 'bridge-missing', category: 'network', confidence: 'confirmed' });
    expect(result.findings[0]!.evidence).toContainEqual({ source: 'task-log', text: "bridge 'vmbr1' does not exist" });
    expect(
      result.findings[0]!.evidence.some((item) => item.source === 'node-network' && item.text.includes('vmbr0')),
    ).toBe(true);
    expect(result.findings[0]!.fix).toContain('vmbr1');
    expect(result.findings[0]!.fix).toContain('qm set 101 --net0');
  });

  it('finds the stale backup lock of 102', async () => {
    const [top] = (await diagnose(102)).findings;
    expect(top).toMatchObject({ id: 'guest-config-locked', category: 'lock', confidence: 'confirmed' });
    expect(top!.fix).toContain('qm unlock 102');
  });

  it('mentions the failed backup of 103 after its io-error pause, with the I/O error of the vzdump log', async () => {
    const [top, backup] = (await diagnose(103)).findings;
    expect(top!.id).toBe('vm-paused-io-error');
    expect(backup).toMatchObject({ id: 'backup-failed', category: 'backup', confidence: 'confirmed' });
    expect(backup!.summary).toContain('failed reading its disks: local-lvm on pve2 is full');
    expect(backup!.evidence).toContainEqual({
      source: 'task-log',
      text: 'ERROR: job failed with err -5 - Input/output error',
    });
    expect(backup!.fix).toContain('vzdump 103 --storage local');
  });

  it('explains the io-error pause of 103 with the full local-lvm of pve2', async () => {
    const result = await diagnose(103);
    expect(result.status).toBe('paused');
    expect(result.findings[0]).toMatchObject({
      id: 'vm-paused-io-error',
      category: 'storage',
      confidence: 'confirmed',
    });
    expect(result.findings[0]!.summary).toContain('local-lvm');
    expect(
      result.findings[0]!.evidence.some((item) => item.source === 'storage' && item.text.includes('100% full')),
    ).toBe(true);
  });

  it('confirms that the 96 GiB of 104 exceed the 64 GiB of pve1', async () => {
    const [top] = (await diagnose(104)).findings;
    expect(top).toMatchObject({ id: 'guest-ram-alloc-failed', category: 'memory', confidence: 'confirmed' });
    expect(top!.evidence.some((item) => item.text.includes('96 GiB') && item.text.includes('64 GiB'))).toBe(true);
  });

  it.each([100, 105, 200])('finds nothing wrong with %i', async (vmid) => {
    expect((await diagnose(vmid)).findings).toEqual([]);
  });

  it('answers the model briefly, with the outside lines fenced as data', async () => {
    const { text } = await diagnoseVm.run({ vmid: 103 }, cluster.context());
    expect(text.length).toBeLessThan(1500);
    expect(text.indexOf('<<<DATA')).toBeLessThan(text.indexOf('qmpstatus: io-error'));
  });

  it('lists the reads it made', async () => {
    const { reads } = await diagnose(101);
    expect(reads).toEqual(
      expect.arrayContaining([
        'GET /cluster/resources?type=vm',
        'GET /nodes/pve1/qemu/101/config',
        'GET /nodes/pve1/network',
      ]),
    );
    expect(reads.some((read) => read.startsWith('GET /nodes/pve1/tasks/UPID'))).toBe(true);
  });

  it('refuses an unknown vmid with the words of the contract', async () => {
    await expect(diagnoseVm.target({ vmid: 999 }, cluster.context())).rejects.toThrow('VM 999 not found in cluster');
  });
});

describe('find_problems on the demo', () => {
  it("lists 101 to 104 and pve2's full storage, and no healthy guest", async () => {
    const report = (await findProblems.run({}, cluster.context())).structured as unknown as ProblemsReport;
    expect(report.guests.map((guest) => guest.vmid).sort()).toEqual([101, 102, 103, 104]);
    expect(report.nodes).toEqual([
      {
        node: 'pve2',
        severity: 'critical',
        findings: [
          expect.objectContaining({ id: 'thin-pool-out-of-space', category: 'storage', severity: 'critical' }),
        ],
      },
    ]);
    expect(report.guests[0]!.vmid).toBe(103);
  });
});
