import type { GuestType } from '../../proxmox/schemas/guests.js';
import { configVolumes, sizeToBytes, splitVolid } from '../../proxmox/schemas/property-string.js';

/** Disks, vCPUs and boot disk size of a simulated guest, read with the wire model's property-string parser. */

export type { GuestType };
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

export function guestDisks(type: GuestType, config: Record<string, ConfigValue>): GuestDisk[] {
  return configVolumes(type, config).flatMap(({ key, source, props }) => {
    const parts = splitVolid(source);
    if (!parts) return [];
    return [
      {
        key,
        volid: source,
        ...parts,
        sizeBytes: sizeToBytes(props.get('size')),
        cdrom: props.get('media') === 'cdrom',
      },
    ];
  });
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
