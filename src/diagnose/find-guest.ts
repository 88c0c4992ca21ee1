import { EvidenceUnreadableError, GuestNotFoundError, WrongNodeError } from './errors.js';
import type { EvidenceReader } from './evidence-reader.js';
import { parseList, resourceGuestSchema, type ResourceGuest } from '../proxmox/schemas/evidence.js';

const parsedGuests = new WeakMap<EvidenceReader, Promise<ResourceGuest[]>>();

/** Every guest the token may see, from one read of the cluster resources (parsed once per reader). */
export function clusterGuests(reader: EvidenceReader): Promise<ResourceGuest[]> {
  let guests = parsedGuests.get(reader);
  if (!guests) {
    guests = reader.read<unknown>('/cluster/resources', { type: 'vm' }).then((answer) => {
      if (!answer.ok) throw new EvidenceUnreadableError('the guest list (/cluster/resources)', answer.message);
      return parseList(resourceGuestSchema, answer.data);
    });
    parsedGuests.set(reader, guests);
  }
  return guests;
}

/** The guest with this vmid; a node the caller names must be where it really is. */
export async function findGuest(
  reader: EvidenceReader,
  vmid: number,
  node?: string,
): Promise<{ guest: ResourceGuest; all: ResourceGuest[] }> {
  const all = await clusterGuests(reader);
  const guest = all.find((candidate) => candidate.vmid === vmid);
  if (!guest) throw new GuestNotFoundError(vmid);
  if (node !== undefined && node !== guest.node) throw new WrongNodeError(vmid, guest.node, node);
  return { guest, all };
}
