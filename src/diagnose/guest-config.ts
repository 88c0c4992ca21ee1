/** What a guest config says that matters for a diagnosis, read the way qemu-server and pve-container parse it. */

export type GuestType = 'qemu' | 'lxc';
export type RawConfig = Record<string, string>;

export interface ConfigNic {
  key: string;
  bridge: string | undefined;
  value: string;
}

export interface ConfigVolume {
  key: string;
  /** `storage:volname`, e.g. `local-lvm:vm-101-disk-0`. */
  volid: string;
  storage: string;
  cdrom: boolean;
}

export interface GuestConfigFacts {
  raw: RawConfig;
  nics: ConfigNic[];
  volumes: ConfigVolume[];
  memoryMiB: number;
  balloonMiB: number | undefined;
  hugepages: string | undefined;
  /** `hostpci0` ... with their values. */
  hostpci: Array<{ key: string; value: string }>;
  agentEnabled: boolean;
  /** Volumes named by `cicustom` (snippets). */
  cicustom: string[];
  /** Host paths bind-mounted into a container (`mp0: /mnt/data,mp=/data`). */
  bindMounts: Array<{ key: string; path: string }>;
  /** `kvm: 0` turns hardware virtualisation off. */
  kvm: boolean;
  cpu: string | undefined;
}

const qemuVolumeKey = /^(?:ide|sata|scsi|virtio)\d+$|^(?:efidisk|tpmstate)0$/;
const lxcVolumeKey = /^(?:rootfs|mp\d+)$/;
const storageId = /^[a-z][a-z0-9\-_.]*[a-z0-9]$/i;

/** `key=value,...` with an optional leading bare value. */
export function propertyString(value: string): { head: string; props: Map<string, string> } {
  const parts = value.split(',');
  const props = new Map<string, string>();
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at > 0) props.set(part.slice(0, at), part.slice(at + 1));
  }
  const first = parts[0] ?? '';
  return { head: first.includes('=') ? '' : first, props };
}

/** The API sends config values as strings or numbers; we keep strings. */
export function rawConfig(config: Record<string, unknown>): RawConfig {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

export function splitVolid(volid: string): { storage: string; volname: string } | undefined {
  const colon = volid.indexOf(':');
  if (colon <= 0) return undefined;
  const storage = volid.slice(0, colon);
  return storageId.test(storage) ? { storage, volname: volid.slice(colon + 1) } : undefined;
}

export function readGuestConfig(type: GuestType, raw: RawConfig): GuestConfigFacts {
  const entries = Object.entries(raw);
  const volumes: ConfigVolume[] = [];
  const bindMounts: Array<{ key: string; path: string }> = [];
  for (const [key, value] of entries) {
    if (!(type === 'qemu' ? qemuVolumeKey : lxcVolumeKey).test(key)) continue;
    const { head, props } = propertyString(value);
    const source = head || props.get('file') || props.get('volume') || '';
    if (type === 'lxc' && source.startsWith('/')) bindMounts.push({ key, path: source });
    const parts = splitVolid(source);
    if (parts) volumes.push({ key, volid: source, storage: parts.storage, cdrom: props.get('media') === 'cdrom' });
  }
  const agent = raw.agent === undefined ? undefined : propertyString(raw.agent);
  const memory = propertyString(raw.memory ?? '');
  return {
    raw,
    nics: entries
      .filter(([key]) => /^net\d+$/.test(key))
      .map(([key, value]) => ({ key, value, bridge: propertyString(value).props.get('bridge') })),
    volumes,
    memoryMiB: positive(memory.head || memory.props.get('current')) ?? 512,
    balloonMiB: raw.balloon === undefined ? undefined : positive(raw.balloon),
    hugepages: raw.hugepages,
    hostpci: entries.filter(([key]) => /^hostpci\d+$/.test(key)).map(([key, value]) => ({ key, value })),
    agentEnabled: agent !== undefined && (agent.head === '1' || agent.props.get('enabled') === '1'),
    cicustom: [...propertyString(raw.cicustom ?? '').props.values()].filter((volid) => splitVolid(volid) !== undefined),
    bindMounts,
    kvm: raw.kvm !== '0',
    cpu:
      raw.cpu === undefined ? undefined : propertyString(raw.cpu).head || propertyString(raw.cpu).props.get('cputype'),
  };
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(number) && number > 0 ? number : undefined;
}
