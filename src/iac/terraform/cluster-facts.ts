import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';
import type { GuestConfig, GuestResource, NodeStorage, NodeSummary } from '../../proxmox/schemas/index.js';

/** The few facts of the live cluster a VM request is checked against, read through the typed port. */
export class ClusterFacts {
  constructor(
    private readonly api: ProxmoxApi,
    private readonly signal: AbortSignal,
  ) {}

  nodes(): Promise<NodeSummary[]> {
    return this.api.nodes.list({ signal: this.signal });
  }

  async bridges(node: string): Promise<string[]> {
    const items = await this.api.nodes.network(node, { type: 'any_bridge' }, { signal: this.signal });
    return items.filter((item) => /bridge/i.test(item.type)).map((item) => item.iface);
  }

  storage(node: string): Promise<NodeStorage[]> {
    return this.api.storage.list(node, { signal: this.signal });
  }

  guests(): Promise<GuestResource[]> {
    return this.api.cluster.guests({ signal: this.signal });
  }

  guestConfig(guest: GuestResource): Promise<GuestConfig> {
    return this.api.guests.config({ node: guest.node, type: 'qemu', vmid: guest.vmid }, { signal: this.signal });
  }

  async isoVolumes(node: string, storage: string): Promise<string[]> {
    const items = await this.api.storage.content(node, storage, { content: 'iso' }, { signal: this.signal });
    return items.map((item) => item.volid);
  }

  nextFreeVmid(): Promise<number> {
    return this.api.cluster.nextId({}, { signal: this.signal });
  }

  /** Why Proxmox refuses `vmid` as a new id (GET /cluster/nextid?vmid=N answers 400 when it is taken), or undefined when it is free. */
  async vmidRefusal(vmid: number): Promise<string | undefined> {
    try {
      await this.api.cluster.nextId({ vmid }, { signal: this.signal });
      return undefined;
    } catch (error) {
      if (this.signal.aborted) throw error;
      return error instanceof Error ? error.message : String(error);
    }
  }
}
