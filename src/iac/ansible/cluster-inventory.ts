import path from 'node:path';
import { stringify } from 'yaml';
import { writePrivateFile } from '../../config/private-files.js';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';

export interface InventoryHost {
  name: string;
  address: string;
  groups: string[];
}

/**
 * Running VMs whose guest agent reports an IPv4 address, grouped by node
 * (`node_pve1`) and tag (`tag_prod`). Guests without an agent answer are left out.
 */
export async function clusterInventoryHosts(api: ProxmoxApi, signal: AbortSignal): Promise<InventoryHost[]> {
  const guests = (await api.cluster.guests({ signal })).filter(
    (guest) => guest.type === 'qemu' && guest.status === 'running' && guest.template !== true,
  );
  const hosts: InventoryHost[] = [];
  for (const guest of guests) {
    const address = await agentAddress(api, guest.node, guest.vmid, signal);
    if (!address) continue;
    const name = guest.name && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(guest.name) ? guest.name : `vm${guest.vmid}`;
    hosts.push({
      name,
      address,
      groups: [`node_${groupSafe(guest.node)}`, ...(guest.tags ?? []).map((tag) => `tag_${groupSafe(tag)}`)],
    });
  }
  return hosts;
}

async function agentAddress(
  api: ProxmoxApi,
  node: string,
  vmid: number,
  signal: AbortSignal,
): Promise<string | undefined> {
  try {
    const interfaces = await api.guests.agentInterfaces({ node, type: 'qemu', vmid }, { signal });
    const addresses = interfaces
      .flatMap((nic) => nic['ip-addresses'] ?? [])
      .filter((ip) => ip['ip-address-type'] === 'ipv4');
    return addresses.map((ip) => ip['ip-address']).find((ip) => !ip.startsWith('127.') && !ip.startsWith('169.254.'));
  } catch {
    if (signal.aborted) throw new Error('cancelled');
    return undefined;
  }
}

function groupSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_');
}

/** Writes the hosts as a YAML inventory (0600) and returns its path. */
export function writeInventory(dir: string, id: string, hosts: readonly InventoryHost[]): string {
  const groups: Record<string, { hosts: Record<string, null> }> = {};
  for (const host of hosts) for (const group of host.groups) (groups[group] ??= { hosts: {} }).hosts[host.name] = null;
  const inventory = {
    all: {
      hosts: Object.fromEntries(hosts.map((host) => [host.name, { ansible_host: host.address }])),
      children: groups,
    },
  };
  const file = path.join(dir, `inventory-${id}.yml`);
  writePrivateFile(file, stringify(inventory));
  return file;
}
