import crypto from 'node:crypto';
import { ok, type ApiCall, type Route } from '../api/route.js';
import { parameterError } from '../server/api-error.js';
import type { StorageState } from '../state/model.js';
import { nodeUsages } from '../state/metrics.js';
import { clusterTaskItem } from '../tasks/task-view.js';
import { guestResource, nodeResource, rootfsOf, storageResource } from './resources.js';

function version({ sim }: ApiCall) {
  const { pveVersion, repoid } = sim.cluster.info;
  return ok({ version: pveVersion, release: pveVersion.split('.').slice(0, 2).join('.'), repoid });
}

/** Items the caller cannot audit are left out, not refused (pve-manager Cluster.pm resources). */
function resources({ sim, params, identity }: ApiCall) {
  const { cluster } = sim;
  const type = params.type;
  const items: Array<Record<string, unknown>> = [];
  if (type === undefined || type === 'vm') {
    for (const guest of cluster.guests.values()) {
      if (identity.grants.has(`/vms/${guest.vmid}`, 'VM.Audit')) items.push(guestResource(cluster, guest));
    }
  }
  const usages = type === undefined || type === 'node' ? nodeUsages(cluster) : undefined;
  for (const node of cluster.nodes.values()) {
    if (usages && identity.grants.has(`/nodes/${node.name}`, 'Sys.Audit'))
      items.push(nodeResource(cluster, node, usages.get(node.name)));
    if (type === undefined || type === 'storage') {
      for (const storage of node.storage.values()) {
        const path = `/storage/${storage.id}`;
        if (identity.grants.has(path, 'Datastore.Audit') || identity.grants.has(path, 'Datastore.AllocateSpace'))
          items.push(storageResource(node, storage));
      }
    }
    if ((type === undefined || type === 'sdn') && identity.grants.has('/sdn/zones/localnetwork', 'SDN.Audit')) {
      items.push({
        id: `sdn/${node.name}/localnetwork`,
        type: 'sdn',
        sdn: 'localnetwork',
        node: node.name,
        status: node.online ? 'ok' : 'unknown',
      });
    }
  }
  return ok(items);
}

function status({ sim }: ApiCall) {
  const { cluster } = sim;
  const nodes = [...cluster.nodes.values()];
  if (nodes.length === 1) {
    const node = nodes[0]!;
    return ok([
      {
        type: 'node',
        id: `node/${node.name}`,
        name: node.name,
        nodeid: 0,
        ip: node.ip,
        local: 1,
        online: 1,
        level: '',
      },
    ]);
  }
  const head = {
    type: 'cluster',
    id: 'cluster',
    name: cluster.info.clusterName,
    nodes: nodes.length,
    version: nodes.length + 2,
    quorate: cluster.info.quorate ? 1 : 0,
  };
  const members = nodes.map((node) => ({
    type: 'node',
    id: `node/${node.name}`,
    name: node.name,
    nodeid: node.index + 1,
    ip: node.ip,
    local: node.index === 0 ? 1 : 0,
    online: node.online ? 1 : 0,
    level: '',
  }));
  return ok([head, ...members]);
}

function tasks({ sim, identity }: ApiCall) {
  const visible = sim.cluster.tasks
    .all()
    .filter((task) => task.user === identity.authid || identity.grants.has(`/nodes/${task.node}`, 'Sys.Audit'));
  return ok(visible.map(clusterTaskItem));
}

/** The schema says integer; the wire carries a string. */
function nextid({ sim, params }: ApiCall) {
  const taken = sim.cluster.guests;
  if (params.vmid !== undefined) {
    if (taken.has(Number(params.vmid))) throw parameterError({ vmid: `VM ${params.vmid} already exists` });
    return ok(String(params.vmid));
  }
  let vmid = 100;
  while (taken.has(vmid)) vmid++;
  return ok(String(vmid));
}

function storageIndex({ sim, params, identity }: ApiCall) {
  const byId = new Map<string, { storage: StorageState; nodes: string[] }>();
  for (const node of sim.cluster.nodes.values()) {
    for (const storage of node.storage.values()) {
      const entry = byId.get(storage.id) ?? { storage, nodes: [] };
      entry.nodes.push(node.name);
      byId.set(storage.id, entry);
    }
  }
  const all = sim.cluster.nodes.size;
  const items = [...byId.values()]
    .filter(({ storage }) => params.type === undefined || storage.type === params.type)
    .filter(
      ({ storage }) =>
        identity.grants.has(`/storage/${storage.id}`, 'Datastore.Audit') ||
        identity.grants.has(`/storage/${storage.id}`, 'Datastore.AllocateSpace'),
    )
    .map(({ storage, nodes }) => ({
      storage: storage.id,
      type: storage.type,
      content: storage.content.join(','),
      ...(storage.type === 'dir' ? { path: storage.id === 'local' ? '/var/lib/vz' : `/mnt/pve/${storage.id}` } : {}),
      ...(storage.type === 'lvmthin' ? { thinpool: 'data', vgname: 'pve' } : {}),
      ...(storage.shared ? { shared: 1 } : {}),
      ...(storage.enabled ? {} : { disable: 1 }),
      ...(nodes.length < all ? { nodes: nodes.join(',') } : {}),
      digest: crypto.createHash('sha1').update(`${storage.id}:${storage.type}`).digest('hex'),
    }));
  return ok(items);
}

function nodes({ sim, identity }: ApiCall) {
  const usages = nodeUsages(sim.cluster);
  return ok(
    [...sim.cluster.nodes.values()].map((node) => {
      const fingerprint = node.index === 0 ? sim.fingerprint : nodeFingerprint(node.name);
      const base = {
        node: node.name,
        id: `node/${node.name}`,
        type: 'node',
        status: node.online ? 'online' : 'offline',
        level: '',
        ssl_fingerprint: fingerprint,
      };
      if (!node.online || !identity.grants.has(`/nodes/${node.name}`, 'Sys.Audit')) return base;
      const stats = nodeResource(sim.cluster, node, usages.get(node.name));
      const rootfs = rootfsOf(node);
      return {
        ...base,
        uptime: stats.uptime,
        cpu: stats.cpu,
        maxcpu: node.cpus,
        mem: stats.mem,
        maxmem: stats.maxmem,
        disk: rootfs.used,
        maxdisk: rootfs.total,
      };
    }),
  );
}

/** Other nodes have their own certificates; the simulator only serves the first node's. */
function nodeFingerprint(name: string): string {
  return crypto.createHash('sha256').update(`pve-ssl ${name}`).digest('hex').toUpperCase().match(/../g)!.join(':');
}

export const clusterRoutes: Route[] = [
  { method: 'GET', template: '/version', handler: version },
  { method: 'GET', template: '/cluster/resources', handler: resources },
  { method: 'GET', template: '/cluster/status', handler: status },
  { method: 'GET', template: '/cluster/tasks', handler: tasks },
  { method: 'GET', template: '/cluster/nextid', handler: nextid },
  { method: 'GET', template: '/storage', handler: storageIndex },
  { method: 'GET', template: '/nodes', handler: nodes },
];
