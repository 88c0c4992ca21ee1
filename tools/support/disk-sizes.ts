import type { GuestConfigFacts } from '../../src/diagnose/guest-config.js';

const units: Record<string, number> = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };

/** The `size=` of each disk (not CD-ROMs) in bytes, as the config records it. */
export function diskBytes(
  config: GuestConfigFacts,
): Array<{ key: string; storage: string; volid: string; bytes: number }> {
  return config.volumes
    .filter((volume) => !volume.cdrom)
    .map((volume) => {
      const match = /(?:^|,)size=(\d+(?:\.\d+)?)([KMGT]?)(?:,|$)/.exec(config.raw[volume.key] ?? '');
      const bytes = match ? Math.round(Number(match[1]) * units[match[2]!]!) : 0;
      return { key: volume.key, storage: volume.storage, volid: volume.volid, bytes };
    });
}
