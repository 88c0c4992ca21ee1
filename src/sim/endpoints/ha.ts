import { ok, type ApiCall, type Route } from '../api/route.js';
import type { GuestState } from '../state/model.js';

const sidOf = (guest: GuestState) => `${guest.type === 'qemu' ? 'vm' : 'ct'}:${guest.vmid}`;

function managed({ sim }: ApiCall): GuestState[] {
  return [...sim.cluster.guests.values()].filter((guest) => guest.ha !== null);
}

/** GET /cluster/ha/resources: the HA resource config (pve-ha-manager's resources.cfg). */
function resources(call: ApiCall) {
  const wanted = call.params.type;
  const items = managed(call)
    .filter((guest) => wanted === undefined || sidOf(guest).startsWith(`${wanted}:`))
    .map((guest) => ({
      sid: sidOf(guest),
      type: guest.type === 'qemu' ? 'vm' : 'ct',
      state: guest.ha!.state === 'error' ? 'started' : guest.ha!.state,
      ...(guest.ha!.group ? { group: guest.ha!.group } : {}),
      max_restart: 1,
      max_relocate: 1,
      digest: 'b8dc4d0ef84b6ac1d08e1d2bde5ec5d33fc0b2e1',
    }));
  return ok(items);
}

/** GET /cluster/ha/status/current: quorum, master and LRM entries, then one entry per service. */
function status(call: ApiCall) {
  const { cluster } = call.sim;
  const nodes = [...cluster.nodes.values()];
  const master = nodes.find((node) => node.online) ?? nodes[0]!;
  const stamp = cluster.nowSeconds();
  const when = new Date(stamp * 1000).toUTCString().replace(/GMT$/, '').trim();
  const items: Array<Record<string, unknown>> = [
    {
      id: 'quorum',
      type: 'quorum',
      node: master.name,
      status: cluster.info.quorate ? 'OK' : 'No quorum on node',
      quorate: cluster.info.quorate ? 1 : 0,
    },
  ];
  const services = managed(call);
  if (services.length === 0) return ok(items);
  items.push({
    id: 'master',
    type: 'master',
    node: master.name,
    status: `${master.name} (active, ${when})`,
    timestamp: stamp,
  });
  for (const node of nodes) {
    const state = node.online ? 'active' : 'old timestamp - dead?';
    items.push({
      id: `lrm:${node.name}`,
      type: 'lrm',
      node: node.name,
      status: `${node.name} (${state}, ${when})`,
      timestamp: stamp,
      state: node.online ? 'active' : 'unknown',
    });
  }
  for (const guest of services) {
    const sid = sidOf(guest);
    const ha = guest.ha!;
    items.push({
      id: `service:${sid}`,
      type: 'service',
      sid,
      node: guest.node,
      state: ha.state,
      status: `${sid} (${guest.node}, ${ha.state})`,
      crm_state: ha.state,
      request_state: ha.state === 'error' ? 'started' : ha.state,
      max_restart: 1,
      max_relocate: 1,
      ...(ha.group ? { group: ha.group } : {}),
    });
  }
  return ok(items);
}

export const haRoutes: Route[] = [
  { method: 'GET', template: '/cluster/ha/resources', handler: resources },
  { method: 'GET', template: '/cluster/ha/status/current', handler: status },
];
