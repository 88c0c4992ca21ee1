/** Reading what a guest config says about its disks, NICs and size, the way qemu-server and pve-container parse it. */

export type GuestType = 'qemu' | 'lxc';
export type ConfigValue = string | number;

export interface GuestDisk {
  key: string;
  /** `storage:volname`, e.g. `local-lvm:vm-100-disk-1`. */
  volid: string;
  storage: string;
  volname: string;
  sizeBytes: number;
  cdrom: boolean;
}

export interface GuestNic {
  key: string;
  model: string;
  mac: string | null;
  bridge: string | null;
}

const qemuDiskKey = /^(ide|sata|scsi|virtio)\d+$|^(efidisk|tpmstate)0$/;
const lxcDiskKey = /^(rootfs|mp\d+)$/;
const qemuNicModels = new Set([
  'virtio',
  'e1000',
  'e1000e',
  'rtl8139',
  'vmxnet3',
  'ne2k_pci',
  'pcnet',
  'i82551',
  'i82557b',
  'i82559er',
]);

/** `key=value,...` with an optional leading bare value (the default key). */
export function parsePropertyString(value: ConfigValue): { first: string; props: Map<string, string> } {
  const parts = String(value).split(',');
  const props = new Map<string, string>();
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at > 0) props.set(part.slice(0, at), part.slice(at + 1));
  }
  const head = parts[0] ?? '';
  return { first: head.includes('=') ? '' : head, props };
}

export function sizeToBytes(size: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)([KMGT]?)$/.exec(size ?? '');
  if (!match) return 0;
  const power = { '': 0, K: 1, M: 2, G: 3, T: 4 }[match[2] as '' | 'K' | 'M' | 'G' | 'T'];
  return Math.round(Number(match[1]) * 1024 ** power);
}

export function guestDisks(type: GuestType, config: Record<string, ConfigValue>): GuestDisk[] {
  const pattern = type === 'qemu' ? qemuDiskKey : lxcDiskKey;
  const disks: GuestDisk[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!pattern.test(key)) continue;
    const { first, props } = parsePropertyString(value);
    const volid = first || props.get('file') || props.get('volume') || '';
    const colon = volid.indexOf(':');
    if (colon <= 0) continue;
    disks.push({
      key,
      volid,
      storage: volid.slice(0, colon),
      volname: volid.slice(colon + 1),
      sizeBytes: sizeToBytes(props.get('size')),
      cdrom: props.get('media') === 'cdrom',
    });
  }
  return disks;
}

export function guestNics(type: GuestType, config: Record<string, ConfigValue>): GuestNic[] {
  const nics: GuestNic[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!/^net\d+$/.test(key)) continue;
    const { props } = parsePropertyString(value);
    if (type === 'lxc') {
      nics.push({ key, model: 'veth', mac: props.get('hwaddr') ?? null, bridge: props.get('bridge') ?? null });
      continue;
    }
    const model = [...props.keys()].find((name) => qemuNicModels.has(name)) ?? props.get('model') ?? 'virtio';
    nics.push({
      key,
      model,
      mac: props.get(model) ?? props.get('macaddr') ?? null,
      bridge: props.get('bridge') ?? null,
    });
  }
  return nics;
}

/** Configured memory in MiB (`memory: 4096` or `memory: current=4096`); 512 when unset, as both defaults are. */
export function memoryMiB(config: Record<string, ConfigValue>): number {
  const raw = config.memory;
  if (raw === undefined) return 512;
  const { first, props } = parsePropertyString(raw);
  const value = Number(first || props.get('current'));
  return Number.isFinite(value) && value > 0 ? value : 512;
}

export function vcpus(type: GuestType, config: Record<string, ConfigValue>, nodeCpus: number): number {
  const cores = Number(config.cores ?? (type === 'qemu' ? 1 : nodeCpus));
  const sockets = type === 'qemu' ? Number(config.sockets ?? 1) : 1;
  return Math.max(1, cores * sockets);
}

/** The boot disk's size: the first disk of `boot: order=...`, else the first non-CD-ROM disk. */
export function bootDiskBytes(type: GuestType, config: Record<string, ConfigValue>): number {
  const disks = guestDisks(type, config).filter((disk) => !disk.cdrom);
  if (type === 'lxc') return disks.find((disk) => disk.key === 'rootfs')?.sizeBytes ?? 0;
  const order = /order=([^,]+)/.exec(String(config.boot ?? ''))?.[1]?.split(';') ?? [];
  const boot = order.map((key) => disks.find((disk) => disk.key === key)).find((disk) => disk !== undefined);
  return (boot ?? disks.find((disk) => disk.key !== 'efidisk0' && disk.key !== 'tpmstate0'))?.sizeBytes ?? 0;
}
