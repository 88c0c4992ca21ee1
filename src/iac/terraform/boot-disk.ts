/** A guest disk as its config line names it: `local-lvm:base-105-disk-0,size=3584M`. */
export interface DiskRef {
  /** `scsi0`, `virtio0`, ... */
  slot: string;
  storage: string;
  bytes: number;
}

const units: Record<string, number> = { K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** The boot disk of a VM config: the first disk in the boot order, else the first scsi/virtio/sata/ide disk. */
export function bootDiskOf(config: Record<string, unknown>): DiskRef | undefined {
  const order = /order=([^,]+)/.exec(String(config.boot ?? ''))?.[1]?.split(';') ?? [];
  const slots = [
    ...order,
    ...['scsi', 'virtio', 'sata', 'ide'].flatMap((bus) => Array.from({ length: 6 }, (_, i) => `${bus}${i}`)),
  ];
  for (const slot of slots) {
    const disk = diskRef(slot, config[slot]);
    if (disk) return disk;
  }
  return undefined;
}

function diskRef(slot: string, value: unknown): DiskRef | undefined {
  if (typeof value !== 'string' || /media=cdrom/.test(value)) return undefined;
  const match = /^([A-Za-z][A-Za-z0-9_.-]*):[^,]+(?:,.*)?$/.exec(value);
  const size = /(?:^|,)size=(\d+(?:\.\d+)?)([KMGT])?/.exec(value);
  if (!match || !size) return undefined;
  return { slot, storage: match[1]!, bytes: Math.round(Number(size[1]) * (size[2] ? units[size[2]]! : 1)) };
}
