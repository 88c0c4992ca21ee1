import type { BridgeFact, GuestEvidence } from '../evidence.js';
import { fact, type Category, type EvidenceItem } from '../finding.js';
import { parsePropertyString } from '../../proxmox/schemas/property-string.js';
import type { ConfigNic } from '../guest-config.js';
import { isBridge } from '../read-facts.js';
import { cli, guestShortLabel, list, name } from './words.js';

/**
 * What each option of a guest config asks of its node, checked against what
 * the node reports (vCPUs, CPU model and flags, hugepages, KVM, bridges,
 * storage content, passed-through devices, machine type). The node-fit
 * analyzer turns a check's answer into a finding.
 */

/** What one option of the config asks of the node, against what the node reports. */
export interface Fit {
  /** Config and node facts that do not fit together; empty when the node can satisfy the option. */
  misfits: EvidenceItem[];
  /** Said when a log line blames this option but the node satisfies it now. */
  fits: string;
  summary: string;
  fix: string;
}

/** A check of options that depend on the node; undefined when the option is unset or the node fact unknown. */
export interface NodeFitCheck {
  id: string;
  category: Category;
  /** Signatures whose lines this check confirms or contradicts (none: another analyzer reads them). */
  said: string[];
  check(evidence: GuestEvidence): Fit | undefined;
}

/** x86-64 micro-architecture levels (QEMU's x86-64-v2 ... v4 models) and the CPU flags each needs. */
const levelFlags: Record<string, string[]> = {
  'x86-64-v2': ['cx16', 'popcnt', 'sse4_1', 'sse4_2', 'ssse3'],
  'x86-64-v2-aes': ['cx16', 'popcnt', 'sse4_1', 'sse4_2', 'ssse3', 'aes'],
  'x86-64-v3': ['cx16', 'popcnt', 'sse4_1', 'sse4_2', 'ssse3', 'avx', 'avx2', 'bmi1', 'bmi2', 'fma', 'movbe'],
  'x86-64-v4': [
    'cx16',
    'popcnt',
    'sse4_1',
    'sse4_2',
    'ssse3',
    'avx',
    'avx2',
    'bmi1',
    'bmi2',
    'fma',
    'movbe',
    'avx512f',
    'avx512bw',
    'avx512cd',
    'avx512dq',
    'avx512vl',
  ],
};

export const nodeFitChecks: readonly NodeFitCheck[] = [
  {
    id: 'vcpus-exceed-node',
    category: 'kvm',
    said: ['vcpus-exceed-node'],
    check({ config, node, guest }) {
      if (!config || node.cpus === undefined) return undefined;
      const sockets = positive(config.raw.sockets) ?? 1;
      const cores = positive(config.raw.cores) ?? 1;
      const wanted = guest.type === 'qemu' ? (positive(config.raw.vcpus) ?? sockets * cores) : cores;
      const misfits =
        wanted > node.cpus
          ? [
              fact(
                'config',
                `sockets: ${sockets}, cores: ${cores}${config.raw.vcpus ? `, vcpus: ${config.raw.vcpus}` : ''}`,
              ),
              fact(
                'node-status',
                `${node.name} has ${node.cpus} logical CPUs; ${guestShortLabel(guest)} asks for ${wanted}`,
              ),
            ]
          : [];
      return {
        misfits,
        fits: `${node.name} has ${node.cpus} logical CPUs, enough for the ${wanted} of ${guestShortLabel(guest)}`,
        summary: `${guestShortLabel(guest)} asks for ${wanted} virtual CPUs; ${node.name} has only ${node.cpus}.`,
        fix: `Lower the CPU count: \`${cli(guest)} set ${guest.vmid} --cores ${Math.max(1, Math.floor(node.cpus / sockets))}\`, or move the guest to a node with more CPUs.`,
      };
    },
  },
  {
    id: 'cpu-features-unsupported',
    category: 'kvm',
    said: [],
    check({ config, node, guest }) {
      if (!config?.cpu || !node.cpu || guest.type !== 'qemu') return undefined;
      const cpu = parsePropertyString(config.raw.cpu ?? '');
      const wanted = [
        ...(levelFlags[config.cpu.toLowerCase()] ?? []),
        ...(cpu.props.get('flags') ?? '')
          .split(';')
          .filter((flag) => flag.startsWith('+'))
          .map((flag) => flag.slice(1).toLowerCase().replace(/-/g, '_')),
      ];
      if (wanted.length === 0) return undefined;
      const have = new Set(node.cpu.flags);
      const lacking = wanted.filter((flag) => !have.has(flag));
      return {
        misfits:
          lacking.length === 0
            ? []
            : [
                fact('config', `cpu: ${config.raw.cpu}`),
                fact('node-status', `the CPU of ${node.name} lacks ${list(lacking.map(name))}`),
              ],
        fits: `the CPU of ${node.name} has every flag the CPU type of ${guestShortLabel(guest)} needs`,
        summary: `The CPU type of ${guestShortLabel(guest)} (${name(config.cpu)}) needs ${list(lacking.map(name))}, which the CPU of ${node.name} lacks.`,
        fix: `Pick a CPU type ${node.name} supports, e.g. \`qm set ${guest.vmid} --cpu x86-64-v2-AES\` (or \`host\` if it never migrates), or remove the extra flags.`,
      };
    },
  },
  {
    id: 'hugepage-size-unsupported',
    category: 'memory',
    said: ['hugepage-size-unsupported'],
    check({ config, node, guest }) {
      if (config?.hugepages === undefined || !node.cpu) return undefined;
      const giant = config.hugepages === '1024';
      const lacking = giant && !node.cpu.flags.includes('pdpe1gb');
      return {
        misfits: lacking
          ? [
              fact('config', `hugepages: ${config.hugepages}`),
              fact('node-status', `the CPU of ${node.name} has no pdpe1gb flag: it cannot map 1 GiB pages`),
            ]
          : [],
        fits: `the CPU of ${node.name} supports the ${config.hugepages === '1024' ? '1 GiB' : '2 MiB'} pages ${guestShortLabel(guest)} asks for; check that they are reserved (hugepagesz= on the kernel command line)`,
        summary: `${guestShortLabel(guest)} asks for 1 GiB hugepages, which the CPU of ${node.name} cannot provide.`,
        fix: `Use 2 MiB pages (\`qm set ${guest.vmid} --hugepages 2\`) or none (\`qm set ${guest.vmid} --delete hugepages\`).`,
      };
    },
  },
  {
    id: 'kvm-not-available',
    category: 'kvm',
    said: [],
    check({ config, node, guest }) {
      if (!config || guest.type !== 'qemu' || !config.kvm || !node.cpu) return undefined;
      const virt = node.cpu.hvm !== false && node.cpu.flags.some((flag) => flag === 'vmx' || flag === 'svm');
      return {
        misfits: virt
          ? []
          : [fact('node-status', `the CPU of ${node.name} shows no hardware virtualisation (no vmx/svm flag)`)],
        fits: `the CPU of ${node.name} has hardware virtualisation`,
        summary: `${guestShortLabel(guest)} needs KVM, but ${node.name} offers no hardware virtualisation.`,
        fix: `Enable VT-x/AMD-V in the firmware of ${node.name} (or nested virtualisation on its host); only for testing, \`qm set ${guest.vmid} --kvm 0\`.`,
      };
    },
  },
  {
    id: 'bridge-not-active',
    category: 'network',
    said: ['bridge-not-active'],
    check: (evidence) =>
      nicCheck(
        evidence,
        (nic, bridge) =>
          bridge.active ? undefined : `bridge ${name(bridge.name)} on ${evidence.node.name} is not active`,
        {
          fits: 'every bridge the NICs use is active',
          summary: (bad) => `${bad} of ${guestShortLabel(evidence.guest)} is on a bridge that is down.`,
          fix: `Bring the bridge up on ${evidence.node.name} (\`ifreload -a\`) and check its port.`,
        },
      ),
  },
  {
    id: 'nic-mtu-above-bridge',
    category: 'network',
    said: ['nic-mtu-above-bridge'],
    check: (evidence) =>
      nicCheck(
        evidence,
        (nic, bridge) => {
          const mtu = positive(parsePropertyString(nic.value).props.get('mtu'));
          const carried = bridge.mtu ?? 1500;
          return mtu !== undefined && mtu > 1 && mtu > carried
            ? `${nic.key} asks for MTU ${mtu}; bridge ${name(bridge.name)} carries ${carried}`
            : undefined;
        },
        {
          fits: 'every NIC MTU fits its bridge',
          summary: (bad) =>
            `${bad} of ${guestShortLabel(evidence.guest)} asks for a larger MTU than its bridge carries.`,
          fix: `Set the NIC MTU to the bridge's (\`mtu=1\`), or raise the MTU of the bridge and its port on ${evidence.node.name}.`,
        },
      ),
  },
  {
    id: 'vlan-trunks-need-vlan-aware',
    category: 'network',
    said: ['vlan-trunks-need-vlan-aware'],
    check: (evidence) =>
      nicCheck(
        evidence,
        (nic, bridge) =>
          parsePropertyString(nic.value).props.has('trunks') && !bridge.vlanAware && bridge.type === 'bridge'
            ? `${nic.key} carries trunks; bridge ${name(bridge.name)} is not VLAN aware`
            : undefined,
        {
          fits: 'the bridges with trunked NICs are VLAN aware',
          summary: (bad) =>
            `${bad} of ${guestShortLabel(evidence.guest)} carries VLAN trunks on a bridge that is not VLAN aware.`,
          fix: `Make the bridge VLAN aware (\`bridge-vlan-aware yes\` in /etc/network/interfaces, then \`ifreload -a\`) or remove trunks from the NIC.`,
        },
      ),
  },
  {
    id: 'storage-content-not-configured',
    category: 'storage',
    said: [],
    check({ config, node, guest }) {
      if (!config || !node.storage) return undefined;
      const needed = guest.type === 'lxc' ? 'rootdir' : 'images';
      const misfits = config.volumes.flatMap((volume) => {
        const storage = node.storage!.find((candidate) => candidate.id === volume.storage);
        const want = /^[^:]+:iso\//.test(volume.volid) ? 'iso' : needed;
        if (!storage || storage.content.length === 0 || storage.content.includes(want)) return [];
        return [
          fact('config', `${volume.key}: ${volume.volid}`),
          fact(
            'storage',
            `storage ${name(storage.id)} on ${node.name} holds ${storage.content.join(', ')}, not ${want}`,
          ),
        ];
      });
      return {
        misfits,
        fits: `the storages of ${guestShortLabel(guest)} allow the content they hold`,
        summary: `A volume of ${guestShortLabel(guest)} is on a storage not configured for its content type.`,
        fix: `Allow the content type on the storage (Datacenter > Storage > Edit > Content, or \`pvesm set STORAGE --content ...\`), or move the volume.`,
      };
    },
  },
  {
    id: 'pci-device-missing',
    category: 'pci',
    said: [],
    check({ config, node, guest }) {
      const pci = node.devices?.pci;
      if (!config || !pci || config.hostpci.length === 0) return undefined;
      const misfits = config.hostpci.flatMap(({ key, value }) => {
        const wanted = hostIds(value);
        const absent = wanted.filter((id) => !pci.some((device) => device.id === id || device.id.startsWith(`${id}.`)));
        return absent.length === 0
          ? []
          : [
              fact('config', `${key}: ${value}`),
              fact('node-status', `${node.name} has no PCI device ${list(absent.map(name))}`),
            ];
      });
      return {
        misfits,
        fits: `${node.name} has every PCI device the hostpci entries name`,
        summary: `A PCI device passed through to ${guestShortLabel(guest)} is not present on ${node.name}.`,
        fix: `Check \`lspci -nn\` on ${node.name} for the device's address now (it can move after hardware or firmware changes) and fix the hostpci entry, or use a resource mapping.`,
      };
    },
  },
  {
    id: 'iommu-not-present',
    category: 'pci',
    said: [],
    check({ config, node, guest }) {
      const pci = node.devices?.pci;
      if (!config || !pci || config.hostpci.length === 0) return undefined;
      const grouped = config.hostpci.flatMap(({ value }) =>
        hostIds(value).flatMap((id) => pci.filter((device) => device.id === id || device.id.startsWith(`${id}.`))),
      );
      if (grouped.length === 0) return undefined;
      const ungrouped = grouped.filter((device) => device.iommugroup < 0);
      return {
        misfits:
          ungrouped.length === 0
            ? []
            : [
                fact(
                  'node-status',
                  `${list(ungrouped.map((device) => name(device.id)))} on ${node.name} is in no IOMMU group: the IOMMU is off`,
                ),
              ],
        fits: `the passed-through devices are in IOMMU groups on ${node.name}`,
        summary: `PCI passthrough for ${guestShortLabel(guest)} needs the IOMMU, which is not enabled on ${node.name}.`,
        fix: `Enable VT-d/AMD-Vi in the firmware of ${node.name} and the IOMMU on its kernel command line (intel_iommu=on for Intel), reboot and check \`dmesg | grep -e DMAR -e IOMMU\`.`,
      };
    },
  },
  {
    id: 'usb-device-missing',
    category: 'pci',
    said: [],
    check({ config, node, guest }) {
      const usb = node.devices?.usb;
      if (!config || !usb) return undefined;
      const misfits = Object.entries(config.raw)
        .filter(([key]) => /^usb\d+$/.test(key))
        .flatMap(([key, value]) => {
          const host = (parsePropertyString(value).props.get('host') ?? parsePropertyString(value).head).toLowerCase();
          if (!/^[0-9a-f]{4}:[0-9a-f]{4}$|^\d+-[\d.]+$/.test(host)) return [];
          const present = usb.some((device) => device.id === host || device.port === host);
          return present
            ? []
            : [fact('config', `${key}: ${value}`), fact('node-status', `${node.name} has no USB device ${name(host)}`)];
        });
      return {
        misfits,
        fits: `${node.name} has the USB devices the config names`,
        summary: `A USB device passed through to ${guestShortLabel(guest)} is not plugged into ${node.name}.`,
        fix: `Plug the device into ${node.name} (\`lsusb\` lists what is there) or remove the usb entry; a USB mapping lets the guest use it on any node that has it.`,
      };
    },
  },
  {
    id: 'machine-version-unsupported',
    category: 'kvm',
    said: [],
    check({ config, node, guest }) {
      const machines = node.devices?.machines;
      const machine = config?.raw.machine
        ? parsePropertyString(config.raw.machine).head || parsePropertyString(config.raw.machine).props.get('type')
        : undefined;
      if (!machine || !machines || machines.length === 0 || !/\d+\.\d+/.test(machine)) return undefined;
      const known = machines.includes(machine.replace(/\+pve\d+$/, ''));
      return {
        misfits: known
          ? []
          : [
              fact('config', `machine: ${config!.raw.machine}`),
              fact('node-status', `the QEMU of ${node.name} runs no machine type ${name(machine)}`),
            ],
        fits: `the QEMU of ${node.name} runs machine type ${name(machine)}`,
        summary: `${guestShortLabel(guest)} is pinned to machine type ${name(machine)}, which the QEMU of ${node.name} does not have.`,
        fix: `Upgrade ${node.name} (\`apt full-upgrade\`) or pin a machine version it has (\`qm set ${guest.vmid} --machine q35\` for the newest).`,
      };
    },
  },
];

/** PCI addresses of a hostpci value, with their domain: `65:00.0;65:00.1` -> 0000:65:00.0, 0000:65:00.1. */
function hostIds(value: string): string[] {
  const parsed = parsePropertyString(value);
  const host = parsed.props.get('host') ?? (parsed.head.includes(':') ? parsed.head : '');
  return host
    .split(';')
    .filter((id) => /^[0-9a-f:.]+$/i.test(id))
    .map((id) => (id.split(':').length === 2 ? `0000:${id}` : id).toLowerCase());
}

/** Checks each NIC against its bridge on the node; the bridges that do not exist are the bridge analyzer's. */
function nicCheck(
  evidence: GuestEvidence,
  problem: (nic: ConfigNic, bridge: BridgeFact) => string | undefined,
  words: { fits: string; summary: (bad: string) => string; fix: string },
): Fit | undefined {
  const bridges = evidence.node.interfaces?.filter(isBridge);
  if (!evidence.config || !bridges) return undefined;
  const bad = evidence.config.nics.flatMap((nic) => {
    const bridge = bridges.find((candidate) => candidate.name === nic.bridge);
    const said = bridge ? problem(nic, bridge) : undefined;
    return said ? [{ nic, said }] : [];
  });
  return {
    misfits: bad.flatMap(({ nic, said }) => [fact('config', `${nic.key}: ${nic.value}`), fact('node-network', said)]),
    fits: words.fits,
    summary: words.summary(list(bad.map(({ nic }) => nic.key)) || 'a NIC'),
    fix: words.fix,
  };
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isInteger(number) && number > 0 ? number : undefined;
}
