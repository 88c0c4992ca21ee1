import { z } from 'zod';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';

/** The few facts of the live cluster a VM request is checked against, parsed once at the boundary. */

const nodeSchema = z.object({ node: z.string(), status: z.string().optional() });
const bridgeSchema = z.object({ iface: z.string(), type: z.string() });
const storageSchema = z.object({
  storage: z.string(),
  content: z.string().default(''),
  active: z.coerce.number().optional(),
  enabled: z.coerce.number().optional(),
  avail: z.coerce.number().optional(),
});
const guestSchema = z.object({
  vmid: z.coerce.number(),
  type: z.string(),
  node: z.string(),
  name: z.string().optional(),
  template: z.coerce.number().optional(),
});
const volumeSchema = z.object({ volid: z.string() });

export type StorageFact = z.infer<typeof storageSchema>;
export type GuestFact = z.infer<typeof guestSchema>;

const listOf = <T>(schema: z.ZodType<T>) =>
  z.array(z.unknown()).transform((items) =>
    items.flatMap((item) => {
      const parsed = schema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );

export class ClusterFacts {
  constructor(
    private readonly api: ProxmoxApi,
    private readonly signal: AbortSignal,
  ) {}

  async nodes(): Promise<Array<z.infer<typeof nodeSchema>>> {
    return listOf(nodeSchema).parse(await this.api.get('/nodes', {}, { signal: this.signal }));
  }

  async bridges(node: string): Promise<string[]> {
    const items = listOf(bridgeSchema).parse(
      await this.api.get(`/nodes/${node}/network`, { type: 'any_bridge' }, { signal: this.signal }),
    );
    return items.filter((item) => /bridge/i.test(item.type)).map((item) => item.iface);
  }

  async storage(node: string): Promise<StorageFact[]> {
    return listOf(storageSchema).parse(await this.api.get(`/nodes/${node}/storage`, {}, { signal: this.signal }));
  }

  async guests(): Promise<GuestFact[]> {
    return listOf(guestSchema).parse(await this.api.get('/cluster/resources', { type: 'vm' }, { signal: this.signal }));
  }

  async guestConfig(guest: GuestFact): Promise<Record<string, unknown>> {
    return z
      .record(z.string(), z.unknown())
      .parse(await this.api.get(`/nodes/${guest.node}/qemu/${guest.vmid}/config`, {}, { signal: this.signal }));
  }

  async isoVolumes(node: string, storage: string): Promise<string[]> {
    const items = listOf(volumeSchema).parse(
      await this.api.get(`/nodes/${node}/storage/${storage}/content`, { content: 'iso' }, { signal: this.signal }),
    );
    return items.map((item) => item.volid);
  }

  async nextFreeVmid(): Promise<number> {
    return Number(await this.api.get('/cluster/nextid', {}, { signal: this.signal }));
  }

  /** Why Proxmox refuses `vmid` as a new id (GET /cluster/nextid?vmid=N answers 400 when it is taken), or undefined when it is free. */
  async vmidRefusal(vmid: number): Promise<string | undefined> {
    try {
      await this.api.get('/cluster/nextid', { vmid }, { signal: this.signal });
      return undefined;
    } catch (error) {
      if (this.signal.aborted) throw error;
      return error instanceof Error ? error.message : String(error);
    }
  }
}
