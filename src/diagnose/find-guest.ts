import { EvidenceUnreadableError } from './errors/evidence-unreadable-error.js';
import { GuestNotFoundError } from './errors/guest-not-found-error.js';
import { WrongNodeError } from './errors/wrong-node-error.js';
import type { EvidenceReader } from './evidence-reader.js';
import { parseList, resourceGuestSchema, type ResourceGuest } from './wire.js';

/** Every guest the token may see, from one read of the cluster resources. */
export async function clusterGuests(reader: EvidenceReader): Promise<ResourceGuest[]> {
  const answer = await reader.read<unknown>('/cluster/resources', { type: 'vm' });
  if (!answer.ok) throw new EvidenceUnreadableError('the guest list (/cluster/resources)', answer.message);
  return parseList(resourceGuestSchema, answer.data);
}

/** The guest with this vmid; a node the caller names must be where it really is. */
export async function findGuest(reader: EvidenceReader, vmid: number, node?: string): Promise<{ guest: ResourceGuest; all: ResourceGuest[] }> {
  const all = await clusterGuests(reader);
  const guest = all.find((candidate) => candidate.vmid === vmid);
  if (!guest) throw new GuestNotFoundError(vmid);
  if (node !== undefined && node !== guest.node) throw new WrongNodeError(vmid, guest.node, node);
  return { guest, all };
}
