import { afterEach, describe, expect, it } from 'vitest';
import type { Confidence, GuestDiagnosis } from '../../src/diagnose/finding.js';
import { diagnoseVm } from '../../tools/diagnose_vm.js';
import { startCluster, type LiveCluster } from './support/cluster.js';
import { fixture } from './support/fixtures.js';

// One scenario per analyzer, built from real Proxmox lines, run against the simulator
// over HTTPS with the real client; each has a twin whose evidence disagrees.
interface Case {
  scenario: string;
  vmid: number;
  id: string;
  category: string;
  confidence: Confidence;
}

const confirmedByEvidence: Case[] = [
  { scenario: 'bridge-missing', vmid: 311, id: 'bridge-missing', category: 'network', confidence: 'confirmed' },
  {
    scenario: 'storage-missing',
    vmid: 320,
    id: 'storage-does-not-exist',
    category: 'storage',
    confidence: 'confirmed',
  },
  {
    scenario: 'storage-offline',
    vmid: 322,
    id: 'storage-dir-unreachable',
    category: 'storage',
    confidence: 'confirmed',
  },
  { scenario: 'storage-full', vmid: 323, id: 'vm-paused-io-error', category: 'storage', confidence: 'confirmed' },
  { scenario: 'volume-missing', vmid: 324, id: 'volume-does-not-exist', category: 'storage', confidence: 'confirmed' },
  { scenario: 'memory', vmid: 330, id: 'guest-ram-alloc-failed', category: 'memory', confidence: 'confirmed' },
  { scenario: 'oom', vmid: 450, id: 'oom-killed-vm', category: 'memory', confidence: 'confirmed' },
  { scenario: 'lock', vmid: 340, id: 'guest-config-locked', category: 'lock', confidence: 'confirmed' },
  { scenario: 'template', vmid: 350, id: 'start-template', category: 'template', confidence: 'confirmed' },
  { scenario: 'quorum', vmid: 360, id: 'cluster-no-quorum', category: 'cluster', confidence: 'confirmed' },
  { scenario: 'ha', vmid: 370, id: 'ha-service-error-state', category: 'ha', confidence: 'confirmed' },
  { scenario: 'cpu-flags', vmid: 381, id: 'cpu-features-unsupported', category: 'kvm', confidence: 'confirmed' },
  { scenario: 'pci', vmid: 390, id: 'iommu-not-present', category: 'pci', confidence: 'confirmed' },
  {
    scenario: 'guest-agent',
    vmid: 400,
    id: 'guest-agent-not-running',
    category: 'guest-agent',
    confidence: 'confirmed',
  },
  { scenario: 'qmp', vmid: 410, id: 'qmp-command-timeout', category: 'qmp', confidence: 'confirmed' },
  {
    scenario: 'cloud-init',
    vmid: 420,
    id: 'cicustom-snippet-missing',
    category: 'cloud-init',
    confidence: 'confirmed',
  },
  { scenario: 'permission', vmid: 430, id: 'permission-check-failed', category: 'permission', confidence: 'confirmed' },
  { scenario: 'lxc', vmid: 440, id: 'lxc-prestart-hook-failed', category: 'lxc', confidence: 'confirmed' },
  { scenario: 'lxc-bind', vmid: 441, id: 'lxc-bind-source-missing', category: 'lxc', confidence: 'confirmed' },
  { scenario: 'node-offline', vmid: 480, id: 'proxy-595-connection', category: 'proxy', confidence: 'confirmed' },
];

const notConfirmed: Case[] = [
  {
    scenario: 'bridge-missing-contradicted',
    vmid: 311,
    id: 'bridge-missing',
    category: 'network',
    confidence: 'suspected',
  },
  {
    scenario: 'storage-missing-contradicted',
    vmid: 320,
    id: 'storage-does-not-exist',
    category: 'storage',
    confidence: 'suspected',
  },
  {
    scenario: 'storage-offline-contradicted',
    vmid: 322,
    id: 'storage-dir-unreachable',
    category: 'storage',
    confidence: 'suspected',
  },
  {
    scenario: 'storage-full-contradicted',
    vmid: 323,
    id: 'vm-paused-io-error',
    category: 'storage',
    confidence: 'likely',
  },
  {
    scenario: 'volume-missing-contradicted',
    vmid: 324,
    id: 'volume-does-not-exist',
    category: 'storage',
    confidence: 'suspected',
  },
  {
    scenario: 'memory-contradicted',
    vmid: 330,
    id: 'guest-ram-alloc-failed',
    category: 'memory',
    confidence: 'suspected',
  },
  { scenario: 'lock-contradicted', vmid: 340, id: 'guest-config-locked', category: 'lock', confidence: 'suspected' },
  { scenario: 'template-contradicted', vmid: 350, id: 'start-template', category: 'template', confidence: 'suspected' },
  { scenario: 'quorum-contradicted', vmid: 360, id: 'cluster-no-quorum', category: 'cluster', confidence: 'suspected' },
  { scenario: 'ha-contradicted', vmid: 370, id: 'ha-lrm-start-retries', category: 'ha', confidence: 'suspected' },
  { scenario: 'kvm', vmid: 380, id: 'kvm-not-available', category: 'kvm', confidence: 'suspected' },
  {
    scenario: 'cpu-flags-contradicted',
    vmid: 381,
    id: 'cpu-features-unsupported',
    category: 'kvm',
    confidence: 'suspected',
  },
  { scenario: 'pci-contradicted', vmid: 390, id: 'iommu-not-present', category: 'pci', confidence: 'suspected' },
  {
    scenario: 'guest-agent-contradicted',
    vmid: 400,
    id: 'guest-agent-timeout',
    category: 'guest-agent',
    confidence: 'suspected',
  },
  { scenario: 'qmp-unexplained', vmid: 410, id: 'qmp-command-timeout', category: 'qmp', confidence: 'likely' },
  {
    scenario: 'cloud-init-contradicted',
    vmid: 420,
    id: 'cicustom-snippet-missing',
    category: 'cloud-init',
    confidence: 'suspected',
  },
  { scenario: 'unknown-failure', vmid: 460, id: 'unmatched-storage', category: 'storage', confidence: 'suspected' },
];

let cluster: LiveCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

async function diagnoseIn(scenario: string, vmid: number): Promise<GuestDiagnosis> {
  cluster = await startCluster(fixture(scenario));
  return (await diagnoseVm.run({ vmid }, cluster.context())).structured as unknown as GuestDiagnosis;
}

describe('analyzers confirm with evidence', () => {
  it.each(confirmedByEvidence)(
    '$scenario: $id ($category, $confidence)',
    async ({ scenario, vmid, id, category, confidence }) => {
      const [top] = (await diagnoseIn(scenario, vmid)).findings;
      expect(top).toMatchObject({ id, category, confidence });
      expect(top!.contradictedBy).toEqual([]);
    },
  );
});

describe('the same lines against disagreeing evidence', () => {
  it.each(notConfirmed)(
    '$scenario: $id is $confidence, not confirmed',
    async ({ scenario, vmid, id, category, confidence }) => {
      const [top] = (await diagnoseIn(scenario, vmid)).findings;
      expect(top).toMatchObject({ id, category, confidence });
      // A fallback guess is suspected for want of evidence; an analyzer's suspicion names what disagrees.
      if (confidence === 'suspected' && !id.startsWith('unmatched-'))
        expect(top!.contradictedBy.length).toBeGreaterThan(0);
    },
  );

  it('forgets a failed container start once the container runs', async () => {
    expect((await diagnoseIn('lxc-contradicted', 440)).findings).toEqual([]);
  });
});
