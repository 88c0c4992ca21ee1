import {
  configMemoryMiB,
  configNics,
  configVolumes,
  parsePropertyString,
  splitVolid,
  type ConfigNic,
} from '../proxmox/schemas/property-string.js';
import type { GuestType } from '../proxmox/schemas/guests.js';

/** What a guest config says that matters for a diagnosis, read with the wire model's property-string parser. */

export { splitVolid, type ConfigNic, type GuestType };
export type RawConfig = Record<string, string>;

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

/** The API sends config values as strings or numbers; we keep strings. */
export function rawConfig(config: Record<string, unknown>): RawConfig {
  return Object.fromEntries(
    Object.entries(config)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

export function readGuestConfig(type: GuestType, raw: RawConfig): GuestConfigFacts {
  const entries = Object.entries(raw);
  const volumes: ConfigVolume[] = [];
  const bindMounts: Array<{ key: string; path: string }> = [];
  for (const { key, source, props } of configVolumes(type, raw)) {
    if (type === 'lxc' && source.startsWith('/')) bindMounts.push({ key, path: source });
    const parts = splitVolid(source);
    if (parts) volumes.push({ key, volid: source, storage: parts.storage, cdrom: props.get('media') === 'cdrom' });
  }
  const agent = raw.agent === undefined ? undefined : parsePropertyString(raw.agent);
  return {
    raw,
    nics: configNics(type, raw),
    volumes,
    memoryMiB: configMemoryMiB(raw),
    balloonMiB: raw.balloon === undefined ? undefined : positive(raw.balloon),
    hugepages: raw.hugepages,
    hostpci: entries.filter(([key]) => /^hostpci\d+$/.test(key)).map(([key, value]) => ({ key, value })),
    agentEnabled: agent !== undefined && (agent.head === '1' || agent.props.get('enabled') === '1'),
    cicustom: [...parsePropertyString(raw.cicustom ?? '').props.values()].filter(
      (volid) => splitVolid(volid) !== undefined,
    ),
    bindMounts,
    kvm: raw.kvm !== '0',
    cpu:
      raw.cpu === undefined
        ? undefined
        : parsePropertyString(raw.cpu).head || parsePropertyString(raw.cpu).props.get('cputype'),
  };
}

function positive(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(number) && number > 0 ? number : undefined;
}
