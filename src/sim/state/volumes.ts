import type { ScenarioVolume } from '../scenario/schema-storage.js';
import type { VolumeState } from './model.js';

/** The files a storage holds besides guest disks, named and typed the way pve-storage lists them. */

const GiB = 1024 ** 3;
const vzdumpName = /(?:^|\/)vzdump-(qemu|lxc|openvz)-(\d+)-(\d{4})_(\d{2})_(\d{2})-(\d{2})_(\d{2})_(\d{2})\.(.+)$/;
const pbsName = /^backup\/(vm|ct)\/(\d+)\/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)$/;

/** What a volume name says about itself: content type, vmid, backup time, format, guest type. */
export interface VolumeNameFacts {
  content: string;
  format: string;
  vmid: number | null;
  /** Unix seconds, for backups. */
  backupTime: number | null;
  subtype: 'qemu' | 'lxc' | null;
}

export function volumeNameFacts(volname: string): VolumeNameFacts {
  const dump = vzdumpName.exec(volname);
  if (dump) {
    const [, type, vmid, year, month, day, hour, minute, second, format] = dump;
    return {
      content: 'backup',
      format: format!,
      vmid: Number(vmid),
      backupTime: Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second!) / 1000,
      subtype: type === 'qemu' ? 'qemu' : 'lxc',
    };
  }
  const pbs = pbsName.exec(volname);
  if (pbs) {
    const [, type, vmid, time] = pbs;
    return {
      content: 'backup',
      format: type === 'vm' ? 'pbs-vm' : 'pbs-ct',
      vmid: Number(vmid),
      backupTime: Date.parse(time!) / 1000,
      subtype: type === 'vm' ? 'qemu' : 'lxc',
    };
  }
  const [dir] = volname.split('/');
  const extension = /\.(tar\.(?:zst|gz|xz)|[a-z0-9]+)$/i.exec(volname)?.[1] ?? 'raw';
  const facts = { vmid: null, backupTime: null, subtype: null };
  if (dir === 'iso') return { ...facts, content: 'iso', format: 'iso' };
  if (dir === 'vztmpl') return { ...facts, content: 'vztmpl', format: templateFormats[extension] ?? extension };
  if (dir === 'snippets') return { ...facts, content: 'snippets', format: 'snippet' };
  if (dir === 'import') return { ...facts, content: 'import', format: extension };
  const owner = /(?:vm|base|subvol)-(\d+)-/.exec(volname);
  return { ...facts, content: 'images', format: extension, vmid: owner ? Number(owner[1]) : null };
}

const templateFormats: Record<string, string> = { 'tar.zst': 'tzst', 'tar.gz': 'tgz', 'tar.xz': 'txz' };

export function volumeState(storage: string, volume: ScenarioVolume, start: number): VolumeState {
  const facts = volumeNameFacts(volume.volname);
  return {
    volid: `${storage}:${volume.volname}`,
    content: volume.content ?? facts.content,
    format: facts.format,
    vmid: volume.vmid ?? facts.vmid,
    sizeBytes: Math.round(volume.sizeGiB * GiB),
    ctime: volume.ctime ? Math.floor(Date.parse(volume.ctime) / 1000) : (facts.backupTime ?? Math.floor(start / 1000)),
    notes: volume.notes ?? null,
    protected: volume.protected,
    verification: volume.verification,
  };
}

/** An item of GET /nodes/{node}/storage/{storage}/content for a stored file. */
export function volumeItem(volume: VolumeState): Record<string, unknown> {
  const subtype =
    volume.content === 'backup' ? volumeNameFacts(volume.volid.slice(volume.volid.indexOf(':') + 1)).subtype : null;
  return {
    volid: volume.volid,
    content: volume.content,
    format: volume.format,
    size: volume.sizeBytes,
    ctime: volume.ctime,
    ...(volume.vmid !== null ? { vmid: volume.vmid } : {}),
    ...(subtype ? { subtype } : {}),
    ...(volume.notes !== null ? { notes: volume.notes } : {}),
    ...(volume.protected ? { protected: 1 } : {}),
    ...(volume.verification ? { verification: { state: volume.verification, upid: verificationUpid(volume) } } : {}),
  };
}

/** The verify task that set the state, as PBS records it; stable per volume. */
function verificationUpid(volume: VolumeState): string {
  const hex = (value: number, width: number) => value.toString(16).toUpperCase().padStart(width, '0');
  const seconds = volume.ctime + 3_600;
  return `UPID:pbs:${hex(0x2f00 + (volume.ctime % 0x1000), 8)}:${hex(0x40 + (volume.ctime % 0xff), 8)}:00000000:${hex(seconds, 8)}:verificationjob:local\\x3av-${hex(volume.vmid ?? 0, 4).toLowerCase()}:root@pam:`;
}
