import { afterEach, describe, expect, it } from 'vitest';
import type { Confidence, GuestDiagnosis } from '../../src/diagnose/finding.js';
import { diagnoseVm } from '../../tools/diagnose_vm.js';
import { startCluster, type LiveCluster } from './support/cluster.js';
import { fixture } from './support/fixtures.js';

// The four ways diagnosis missed failures nobody wrote a signature for, as scenarios on the simulator:
// a specific line before a generic wrapper, evidence only in the journal, config against node facts,
// and words that used to land in a neighbouring category.
interface Case {
  kind: string;
  scenario: string;
  vmid: number;
  id: string;
  category: string;
  confidence: Confidence;
  /** The evidence the top finding must quote first, verbatim (a line or a fact). */
  decisive: string;
}

const cases: Case[] = [
  {
    kind: 'specific line before the wrapper',
    scenario: 'unseen-specific-line',
    vmid: 612,
    id: 'unmatched-memory',
    category: 'memory',
    confidence: 'suspected',
    decisive:
      'kvm: -object memory-backend-file,id=ram-node0,size=16384M,mem-path=/run/hugepages/kvm/2048kB,share=on,prealloc=yes: os_mem_prealloc: Insufficient free host memory pages available to allocate guest RAM',
  },
  {
    kind: 'kernel line in the journal, tied by time',
    scenario: 'unseen-journal-kernel',
    vmid: 745,
    id: 'unmatched-pci',
    category: 'pci',
    confidence: 'likely',
    decisive:
      "Dec 02 09:30:01 hv-m kernel: vfio-pci 0000:65:00.0: BAR 0: can't reserve [mem 0xe0000000-0xefffffff 64bit pref]",
  },
  {
    kind: 'AppArmor line in the journal, tied by profile name',
    scenario: 'unseen-journal-kernel',
    vmid: 734,
    id: 'lxc-startup-failed',
    category: 'lxc',
    confidence: 'likely',
    decisive:
      'Dec 02 09:40:01 hv-m kernel: audit: type=1400 audit(1827740401.512:311): apparmor="DENIED" operation="mount" class="mount" info="failed flags match" error=-13 profile="lxc-734_</var/lib/lxc>" name="/run/systemd/mount-rootfs/" pid=43121 comm="(sd-mkdcreds)" fstype="ramfs" srcname="ramfs" flags="rw, nosuid, nodev, noexec"',
  },
  {
    kind: 'more vCPUs than the node has',
    scenario: 'unseen-node-fit',
    vmid: 856,
    id: 'vcpus-exceed-node',
    category: 'kvm',
    confidence: 'confirmed',
    decisive: 'sockets: 2, cores: 12',
  },
  {
    kind: 'trunks on a bridge that is not VLAN aware',
    scenario: 'unseen-node-fit',
    vmid: 857,
    id: 'vlan-trunks-need-vlan-aware',
    category: 'network',
    confidence: 'confirmed',
    decisive: 'net0: virtio=BC:24:11:AA:08:57,bridge=vmbr20,trunks=10;20;30',
  },
  {
    kind: 'an MTU the bridge carries now (contradicted)',
    scenario: 'unseen-node-fit',
    vmid: 858,
    id: 'nic-mtu-above-bridge',
    category: 'network',
    confidence: 'suspected',
    decisive: "TASK ERROR: netdev net0: MTU '9000' is bigger than the bridge MTU '1500'",
  },
  {
    kind: 'words: a container feature, not a permission',
    scenario: 'unseen-words',
    vmid: 921,
    id: 'unmatched-lxc',
    category: 'lxc',
    confidence: 'likely',
    decisive: 'TASK ERROR: Quotas are not supported by unprivileged containers.',
  },
  {
    kind: 'words: a move to another node, not storage',
    scenario: 'unseen-words',
    vmid: 944,
    id: 'unmatched-migration',
    category: 'migration',
    confidence: 'suspected',
    decisive: "TASK ERROR: can't clone VM to node 'hv-t' (VM uses local storage)",
  },
  {
    kind: 'words: firmware, not the CPU',
    scenario: 'unseen-words',
    vmid: 955,
    id: 'unmatched-boot',
    category: 'boot',
    confidence: 'suspected',
    decisive: 'TASK ERROR: OVMF (UEFI) BIOS is not supported on 32-bit CPU types',
  },
];

let cluster: LiveCluster | undefined;

afterEach(async () => {
  await cluster?.close();
  cluster = undefined;
});

async function diagnoseIn(scenario: string, vmid: number) {
  cluster = await startCluster(fixture(scenario));
  const result = await diagnoseVm.run({ vmid }, cluster.context());
  return { text: result.text, diagnosis: result.structured as unknown as GuestDiagnosis };
}

describe('failures no signature was written for', () => {
  it.each(cases)(
    '$kind: $id ($category, $confidence)',
    async ({ scenario, vmid, id, category, confidence, decisive }) => {
      const [top] = (await diagnoseIn(scenario, vmid)).diagnosis.findings;
      expect(top).toMatchObject({ id, category, confidence });
      expect(top!.evidence[0]!.text).toBe(decisive);
    },
  );

  it('leaves a kernel error from before the task out of its evidence', async () => {
    const { diagnosis } = await diagnoseIn('unseen-journal-kernel', 745);
    const quoted = diagnosis.findings.flatMap((finding) => finding.evidence.map((item) => item.text));
    expect(quoted.some((text) => text.includes('EXT4-fs error'))).toBe(false);
  });
});

describe('what we could not decide goes to the model', () => {
  it('says so plainly and hands over the decisive lines whole, inside a data fence', async () => {
    const { text } = await diagnoseIn('unseen-specific-line', 612);
    expect(text).toContain('Not decided: the top finding is only suspected');
    const fence = text.slice(text.indexOf('<<<DATA from the decisive lines about guest 612, unabridged'));
    expect(fence).toContain(cases[0]!.decisive);
    expect(fence.indexOf(cases[0]!.decisive)).toBeLessThan(fence.indexOf('<<<END DATA>>>'));
  });

  it('names what disagrees when the evidence contradicts the log', async () => {
    const { text } = await diagnoseIn('unseen-node-fit', 858);
    expect(text).toContain('Not decided: the top finding is only suspected, because the evidence disagrees (');
  });

  it('adds nothing when the top finding is confirmed', async () => {
    const { text } = await diagnoseIn('unseen-node-fit', 856);
    expect(text).not.toContain('Not decided');
  });
});
