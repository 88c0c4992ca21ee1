import { IacRequestError } from '../iac-error.js';
import { bootDiskOf, type DiskRef } from './boot-disk.js';
import type { GuestResource } from '../../proxmox/schemas/index.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { VmRequest } from './vm-request.js';

const GiB = 1024 ** 3;

export interface PlannedVm {
  name: string;
  vmid: number;
}

/** A request checked against the live cluster, with everything the HCL and the preview need. */
export interface ResolvedVmRequest {
  request: VmRequest;
  vms: PlannedVm[];
  template?: { vmid: number; node: string; name?: string; isTemplate: boolean; bootDisk?: DiskRef };
  /** Where the cloud-init drive goes: the first disk's storage, else the template's. */
  cloudInitStorage?: string;
  /** Guests that already carry one of the new names (Proxmox allows it; the preview says so). */
  sameNames: Array<{ name: string; vmid: number }>;
}

/**
 * Checks a VM request against the cluster before any HCL is written: node,
 * bridge on that node, template, storage (exists, holds VM disks, has room),
 * ISO volume, free vmids. The first problem ends it with one line naming it.
 */
export async function resolveVmRequest(request: VmRequest, facts: ClusterFacts): Promise<ResolvedVmRequest> {
  const nodes = await facts.nodes();
  const node = nodes.find((entry) => entry.node === request.node);
  if (!node)
    throw new IacRequestError(
      `node '${request.node}' is not in this cluster; nodes: ${
        nodes
          .map((entry) => entry.node)
          .sort()
          .join(', ') || 'none'
      }`,
    );
  if (node.status !== undefined && node.status !== 'online')
    throw new IacRequestError(`node '${request.node}' is ${node.status}; pick an online node`);

  const bridges = await facts.bridges(request.node);
  if (!bridges.includes(request.bridge)) {
    throw new IacRequestError(
      `bridge '${request.bridge}' does not exist on node ${request.node}; bridges there: ${bridges.sort().join(', ') || 'none'}`,
    );
  }

  const guests = await facts.guests();
  const template =
    request.cloneVmid === undefined ? undefined : await resolveTemplate(request.cloneVmid, guests, facts);
  const bootDisk = template?.bootDisk;
  await checkStorage(request, facts, bootDisk);

  const vms = await pickVmids(request, facts);
  const names = new Set(vms.map((vm) => vm.name));
  const sameNames = guests
    .filter((guest) => guest.name !== undefined && names.has(guest.name))
    .map((guest) => ({ name: guest.name!, vmid: guest.vmid }));
  const cloudInitStorage = request.disks?.[0]?.storage ?? bootDisk?.storage;
  return {
    request,
    vms,
    ...(template ? { template } : {}),
    ...(cloudInitStorage ? { cloudInitStorage } : {}),
    sameNames,
  };
}

async function resolveTemplate(
  vmid: number,
  guests: GuestResource[],
  facts: ClusterFacts,
): Promise<NonNullable<ResolvedVmRequest['template']>> {
  const guest = guests.find((entry) => entry.vmid === vmid);
  if (!guest)
    throw new IacRequestError(
      `there is no template or VM ${vmid} in this cluster (or this token may not see it); list_vms shows the ids`,
    );
  if (guest.type !== 'qemu') throw new IacRequestError(`${vmid} is a container; cloneVmid needs a VM template`);
  const bootDisk = bootDiskOf(await facts.guestConfig(guest));
  return {
    vmid,
    node: guest.node,
    ...(guest.name ? { name: guest.name } : {}),
    isTemplate: guest.template === true,
    ...(bootDisk ? { bootDisk } : {}),
  };
}

async function checkStorage(request: VmRequest, facts: ClusterFacts, bootDisk: DiskRef | undefined): Promise<void> {
  const needs = new Map<string, number>();
  const disks = request.disks ?? (bootDisk ? [{ storage: bootDisk.storage, sizeGiB: bootDisk.bytes / GiB }] : []);
  for (const disk of disks)
    needs.set(disk.storage, (needs.get(disk.storage) ?? 0) + disk.sizeGiB * GiB * request.count);
  const available = await facts.storage(request.node);
  const known =
    available
      .map((entry) => entry.storage)
      .sort()
      .join(', ') || 'none';
  for (const [id, bytes] of needs) {
    const storage = available.find((entry) => entry.storage === id);
    if (!storage)
      throw new IacRequestError(`storage '${id}' does not exist on node ${request.node}; storages there: ${known}`);
    if (storage.enabled === false || storage.active === false)
      throw new IacRequestError(`storage '${id}' on ${request.node} is not active; pick another or fix it first`);
    if (!storage.content?.includes('images')) {
      throw new IacRequestError(
        `storage '${id}' on ${request.node} does not hold VM disks (content: ${storage.content?.join(',') || 'none'}); pick one with 'images'`,
      );
    }
    if ((storage.avail ?? 0) < bytes) {
      throw new IacRequestError(
        `storage '${id}' on ${request.node} has ${gib(storage.avail ?? 0)} free; the request needs ${gib(bytes)} (${request.count} VM(s)); free space or pick another storage`,
      );
    }
  }
  if (request.iso !== undefined) {
    const [id] = request.iso.split(':') as [string];
    const storage = available.find((entry) => entry.storage === id);
    if (!storage?.content?.includes('iso'))
      throw new IacRequestError(
        `storage '${id}' on ${request.node} does not hold ISO images; upload the ISO to a storage with 'iso' content`,
      );
    if (!(await facts.isoVolumes(request.node, id)).includes(request.iso))
      throw new IacRequestError(
        `ISO '${request.iso}' is not on ${request.node}; upload it first or name one that exists`,
      );
  }
}

async function pickVmids(request: VmRequest, facts: ClusterFacts): Promise<PlannedVm[]> {
  const names =
    request.count === 1 ? [request.name] : Array.from({ length: request.count }, (_, i) => `${request.name}-${i + 1}`);
  const vms: PlannedVm[] = [];
  let candidate = request.vmid ?? (await facts.nextFreeVmid());
  for (const name of names) {
    for (let tries = 0; ; tries++) {
      const refusal = await facts.vmidRefusal(candidate);
      if (refusal === undefined) break;
      if (request.vmid !== undefined)
        throw new IacRequestError(
          `VM id ${candidate} is not free (${refusal}); leave vmid out to use the next free ids`,
        );
      if (tries > 100) throw new IacRequestError(`no free VM id found after ${candidate}; give vmid explicitly`);
      candidate++;
    }
    vms.push({ name, vmid: candidate });
    candidate++;
  }
  return vms;
}

function gib(bytes: number): string {
  const value = bytes / GiB;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} GiB`;
}
