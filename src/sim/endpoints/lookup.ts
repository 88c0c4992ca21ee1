import type { Cluster } from '../state/cluster.js';
import type { GuestType } from '../state/guest-config.js';
import type { GuestState, NodeState, StorageState } from '../state/model.js';
import { serverError } from '../server/api-error.js';

/** The node of a call that pveproxy already routed (dispatch checked it exists and is online). */
export function nodeOf(cluster: Cluster, name: string | number | undefined): NodeState {
  const node = cluster.nodes.get(String(name));
  if (!node)
    throw serverError(
      `hostname lookup '${String(name)}' failed - failed to get address info for: ${String(name)}: Name or service not known`,
    );
  return node;
}

/** The guest whose config lives on that node, or the 500 that load_config dies with. */
export function guestOf(
  cluster: Cluster,
  node: string | number | undefined,
  vmid: string | number | undefined,
  type: GuestType,
): GuestState {
  const guest = cluster.guests.get(Number(vmid));
  if (!guest || guest.node !== String(node) || guest.type !== type) {
    const dir = type === 'qemu' ? 'qemu-server' : 'lxc';
    throw serverError(`Configuration file 'nodes/${String(node)}/${dir}/${String(vmid)}.conf' does not exist`);
  }
  return guest;
}

export function storageOf(node: NodeState, id: string | number | undefined): StorageState {
  const storage = node.storage.get(String(id));
  if (!storage) throw serverError(`storage '${String(id)}' does not exist`);
  return storage;
}
