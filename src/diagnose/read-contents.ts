import type { StorageFact } from './evidence.js';
import type { EvidenceSource } from './finding.js';
import { splitVolid, type GuestConfigFacts } from './guest-config.js';
import { parseList, volumeSchema, type ResourceGuest } from '../proxmox/schemas/evidence.js';

type Read = <T>(
  source: EvidenceSource,
  path: string,
  params?: Record<string, string | number>,
) => Promise<T | undefined>;

/** What each content read asks: the guest's own volumes, ISO images, snippets. */
interface ContentQuery {
  storage: string;
  params: Record<string, string | number>;
}

/**
 * Lists the content of every active storage the config names, so a missing
 * volume or snippet shows. Fills `volumes` (or `contentError`) of each storage.
 */
export async function readContents(
  read: Read,
  guest: ResourceGuest,
  config: GuestConfigFacts | undefined,
  storage: StorageFact[] | undefined,
): Promise<void> {
  if (!config || !storage) return;
  const queries = new Map<string, ContentQuery>();
  const ask = (id: string, params: Record<string, string | number>) =>
    queries.set(`${id} ${JSON.stringify(params)}`, { storage: id, params });
  for (const volume of config.volumes) {
    if (volume.cdrom) {
      if (splitVolid(volume.volid)?.volname.startsWith('iso/')) ask(volume.storage, { content: 'iso' });
    } else {
      ask(volume.storage, { vmid: guest.vmid });
    }
  }
  for (const volid of config.cicustom) ask(splitVolid(volid)!.storage, { content: 'snippets' });
  await Promise.all(
    [...queries.values()].map(async ({ storage: id, params }) => {
      const fact = storage.find((candidate) => candidate.id === id);
      if (!fact || !fact.active || !fact.enabled) return;
      const listed = await read<unknown>('storage', `/nodes/${guest.node}/storage/${id}/content`, params);
      if (listed === undefined) {
        fact.contentError = 'content could not be listed';
        return;
      }
      fact.volumes = [...(fact.volumes ?? []), ...parseList(volumeSchema, listed).map((volume) => volume.volid)];
    }),
  );
}
