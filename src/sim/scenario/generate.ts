import type { Scenario } from './schema.js';

type GeneratedGuest = NonNullable<Scenario['guests']>[number];

/** A large, deterministic scenario for scale tests and the bench: `nodes` nodes, `guests` guests spread round-robin. */
export function generateScenario(options: { guests: number; nodes: number }): Scenario {
  const nodeNames = Array.from({ length: options.nodes }, (_, index) => `pve${index + 1}`);
  const nodes = nodeNames.map((name, index) => ({
    name,
    cpus: 64,
    memoryMiB: 524_288,
    ip: `10.10.${Math.floor(index / 200)}.${(index % 200) + 11}`,
    bridges: ['vmbr0'],
    storage: [
      {
        id: 'local',
        type: 'dir' as const,
        totalGiB: 500,
        usedGiB: 60,
        content: ['iso' as const, 'vztmpl' as const, 'backup' as const],
      },
      { id: 'local-lvm', type: 'lvmthin' as const, totalGiB: 8000, usedGiB: 2400 },
    ],
  }));
  const guests = Array.from({ length: options.guests }, (_, index) =>
    guest(index, nodeNames[index % nodeNames.length]!),
  );
  return { name: `generated-${options.guests}-on-${options.nodes}`, now: '2026-11-20T03:00:00Z', nodes, guests };
}

function guest(index: number, node: string): GeneratedGuest {
  const vmid = 100 + index;
  const mac = `BC:24:11:${hex((vmid >> 16) & 0xff)}:${hex((vmid >> 8) & 0xff)}:${hex(vmid & 0xff)}`;
  const common = {
    vmid,
    node,
    status: index % 3 === 0 ? ('stopped' as const) : ('running' as const),
    tags: index % 4 === 0 ? ['prod'] : index % 4 === 1 ? ['dev'] : [],
  };
  if (index % 5 === 4) {
    return {
      ...common,
      type: 'lxc',
      name: `ct-${vmid}`,
      config: {
        memory: 1024,
        swap: 512,
        cores: 1,
        ostype: 'debian',
        rootfs: `local-lvm:vm-${vmid}-disk-0,size=8G`,
        net0: `name=eth0,bridge=vmbr0,hwaddr=${mac},ip=dhcp,type=veth`,
      },
    };
  }
  return {
    ...common,
    type: 'qemu',
    name: `vm-${vmid}`,
    config: {
      memory: String(2048 * (1 + (index % 4))),
      cores: 2,
      sockets: 1,
      ostype: 'l26',
      agent: '1',
      scsihw: 'virtio-scsi-single',
      boot: 'order=scsi0;net0',
      scsi0: `local-lvm:vm-${vmid}-disk-0,iothread=1,size=32G`,
      net0: `virtio=${mac},bridge=vmbr0,firewall=1`,
    },
  };
}

function hex(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
