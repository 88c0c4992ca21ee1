import type { GuestConfigFacts } from '../../src/diagnose/guest-config.js';
import { parsePropertyString, sizeToBytes } from '../../src/proxmox/schemas/property-string.js';

/** The `size=` of each disk (not CD-ROMs) in bytes, as the config records it. */
export function diskBytes(
  config: GuestConfigFacts,
): Array<{ key: string; storage: string; volid: string; bytes: number }> {
  return config.volumes
    .filter((volume) => !volume.cdrom)
    .map((volume) => {
      const bytes = sizeToBytes(parsePropertyString(config.raw[volume.key] ?? '').props.get('size'));
      return { key: volume.key, storage: volume.storage, volid: volume.volid, bytes };
    });
}
