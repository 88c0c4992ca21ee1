import { afterEach, describe, expect, it } from 'vitest';
import type { GuestDiagnosis } from '../../src/diagnose/finding.js';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import { toProxmoxApi } from '../../src/proxmox/proxmox-api-adapter.js';
import type { Scenario } from '../../src/sim/index.js';
import { diagnoseVm } from '../../tools/diagnose_vm.js';
import { startClient, type SimClient } from '../sim/support/sim-client.js';

// Backups the simulator's vzdump really ran (a raw POST, as the GUI or a job does) and failed,
// diagnosed through the product's client from their logs and the storage they name.
let sim: SimClient | undefined;
let client: ProxmoxClient | undefined;
afterEach(async () => {
  await client?.close();
  await sim?.close();
  sim = undefined;
  client = undefined;
});

function scenario(target: Record<string, unknown>, guest: Record<string, unknown> = {}): Scenario {
  return {
    name: 'backup-failures',
    now: '2026-11-20T03:00:00Z',
    nodes: [
      {
        name: 'pve1',
        bridges: ['vmbr0'],
        storage: [
          { id: 'local-lvm', type: 'lvmthin', totalGiB: 400, usedGiB: 100 },
          { id: 'backups', type: 'dir', totalGiB: 100, usedGiB: 10, content: ['backup'], ...target },
        ],
      },
    ],
    guests: [
      {
        vmid: 100,
        type: 'qemu',
        node: 'pve1',
        name: 'app',
        status: 'running',
        config: {
          memory: '2048',
          scsi0: 'local-lvm:vm-100-disk-0,size=64G',
          net0: 'virtio=BC:24:11:00:00:64,bridge=vmbr0',
        },
        ...guest,
      },
    ],
  } as Scenario;
}

async function backUpAndDiagnose(setup: Scenario): Promise<GuestDiagnosis> {
  sim = await startClient(setup);
  await sim.post('/nodes/pve1/vzdump', { vmid: 100, storage: 'backups', mode: 'snapshot', compress: 'zstd' });
  client = createProxmoxClient({
    name: 'test',
    url: sim.sim.url,
    tokenId: sim.sim.tokenId,
    tokenSecret: sim.sim.tokenSecret,
    fingerprint: sim.sim.fingerprint,
  });
  const context = {
    proxmox: toProxmoxApi(client),
    profile: 'test',
    signal: new AbortController().signal,
    progress: () => undefined,
    now: () => new Date('2026-11-20T03:00:00Z'),
  };
  return (await diagnoseVm.run({ vmid: 100 }, context)).structured as unknown as GuestDiagnosis;
}

describe('diagnosis of a failed backup', () => {
  it('names a full backup target, confirmed by its usage', async () => {
    const { findings } = await backUpAndDiagnose(scenario({ usedGiB: 99.9 }));
    expect(findings[0]).toMatchObject({ id: 'backup-failed', category: 'backup', confidence: 'confirmed' });
    expect(findings[0]!.summary).toContain('backups ran out of space');
    expect(findings[0]!.evidence.some((item) => item.source === 'storage' && item.text.includes('full'))).toBe(true);
    expect(findings[0]!.fix).toContain('pvesm prune-backups backups');
  });

  it('names an inactive target beside the storage finding that explains it', async () => {
    const { findings } = await backUpAndDiagnose(scenario({ active: false }));
    expect(findings[0]!.id).toBe('storage-dir-unreachable');
    expect(findings.find((finding) => finding.id === 'backup-failed')).toMatchObject({
      category: 'backup',
      confidence: 'confirmed',
      summary: expect.stringContaining('backups could not be reached'),
    });
  });

  it('names an unreachable backup server', async () => {
    const { findings } = await backUpAndDiagnose(scenario({ type: 'pbs', active: false }));
    expect(findings[0]!.summary).toContain('the backup server behind backups could not be reached');
    expect(findings[0]!.fix).toContain('Proxmox Backup Server');
  });

  it('names the lock that refused it', async () => {
    const { findings } = await backUpAndDiagnose(scenario({}, { lock: 'snapshot' }));
    expect(findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['guest-config-locked', 'backup-failed']),
    );
    expect(findings.find((finding) => finding.id === 'backup-failed')!.summary).toContain('locked (snapshot)');
  });

  it('says nothing about a backup that succeeded', async () => {
    expect((await backUpAndDiagnose(scenario({}))).findings).toEqual([]);
  });
});
