/**
 * Proxmox property strings, the values of guest config keys such as `net0`,
 * `scsi0`, `rootfs`, `agent` or `memory`: `key=value` pairs separated by
 * commas, optionally led by a bare value for the default key
 * (`local-lvm:vm-100-disk-0,size=32G`). Read here the way qemu-server and
 * pve-container read them, for the client, the diagnosis and the simulator alike.
 */

import type { GuestType } from './guests.js';

export interface PropertyString {
  /** The leading bare value (default key), or '' when the string starts with `key=`. */
  head: string;
  props: Map<string, string>;
}

export function parsePropertyString(value: string | number): PropertyString {
  const parts = String(value).split(',');
  const props = new Map<string, string>();
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at > 0) props.set(part.slice(0, at), part.slice(at + 1));
  }
  const first = parts[0] ?? '';
  return { head: first.includes('=') ? '' : first, props };
}

export function formatPropertyString({ head, props }: PropertyString): string {
  return [...(head ? [head] : []), ...[...props].map(([key, value]) => `${key}=${value}`)].join(',');
}

// pve-storage's storage id: a letter first, letters, digits, `-`, `_`, `.` after, no trailing punctuation.
const storageId = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;

/** `local-lvm:vm-101-disk-0` into its storage and volume name; undefined for anything else (a host path, `none`). */
export function splitVolid(volid: string): { storage: string; volname: string } | undefined {
  const colon = volid.indexOf(':');
  if (colon <= 0) return undefined;
  const storage = volid.slice(0, colon);
  return storageId.test(storage) ? { storage, volname: volid.slice(colon + 1) } : undefined;
}

/** `32G`, `512M`, `1.5T` or plain bytes into bytes; 0 for anything else. */
export function sizeToBytes(size: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)([KMGT]?)$/.exec(size ?? '');
  if (!match) return 0;
  const power = { '': 0, K: 1, M: 2, G: 3, T: 4 }[match[2] as '' | 'K' | 'M' | 'G' | 'T'];
  return Math.round(Number(match[1]) * 1024 ** power);
}

const volumeKey: Record<GuestType, RegExp> = {
  qemu: /^(?:ide|sata|scsi|virtio)\d+$|^(?:efidisk|tpmstate)0$/,
  lxc: /^(?:rootfs|mp\d+)$/,
};

export interface ConfigVolumeEntry {
  key: string;
  /** What the volume is: a volid (`storage:volname`), a host path (bind mount), `none`. */
  source: string;
  props: Map<string, string>;
}

/** The disk and mount point entries of a guest config, with where each one's data lives. */
export function configVolumes(type: GuestType, config: Record<string, string | number>): ConfigVolumeEntry[] {
  return Object.entries(config).flatMap(([key, value]) => {
    if (!volumeKey[type].test(key)) return [];
    const { head, props } = parsePropertyString(value);
    return [{ key, source: head || props.get('file') || props.get('volume') || '', props }];
  });
}

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

export interface ConfigNic {
  key: string;
  value: string;
  /** The NIC model (`virtio`, `e1000`, ...); containers have `veth`. */
  model: string;
  mac: string | undefined;
  bridge: string | undefined;
}

/** `net0`, `net1`, ...: qemu writes the model as the key of the MAC (`virtio=BC:24:...`), containers `hwaddr=`. */
export function configNics(type: GuestType, config: Record<string, string | number>): ConfigNic[] {
  return Object.entries(config).flatMap(([key, raw]) => {
    if (!/^net\d+$/.test(key)) return [];
    const value = String(raw);
    const { props } = parsePropertyString(value);
    const bridge = props.get('bridge');
    if (type === 'lxc') return [{ key, value, model: 'veth', mac: props.get('hwaddr'), bridge }];
    const model = [...props.keys()].find((name) => qemuNicModels.has(name)) ?? props.get('model') ?? 'virtio';
    return [{ key, value, model, mac: props.get(model) ?? props.get('macaddr'), bridge }];
  });
}

/** Configured memory in MiB (`memory: 4096` or `memory: current=4096`); 512 when unset, as both defaults are. */
export function configMemoryMiB(config: Record<string, string | number>): number {
  if (config.memory === undefined) return 512;
  const { head, props } = parsePropertyString(config.memory);
  const value = Number(head || props.get('current'));
  return Number.isFinite(value) && value > 0 ? value : 512;
}
