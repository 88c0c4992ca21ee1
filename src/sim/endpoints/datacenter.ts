import crypto from 'node:crypto';
import { ok, type ApiCall, type Route } from '../api/route.js';
import { requirePrivilege } from '../auth/permission-check.js';
import { serverError } from '../server/api-error.js';
import type { ScenarioPool } from '../scenario/schema-datacenter.js';
import { guestResource, storageResource } from './resources.js';

/** Datacenter-wide configuration: pools, datacenter.cfg options and the cluster firewall. */

function digest(value: unknown): string {
  return crypto.createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

function members(call: ApiCall, pool: ScenarioPool, type: string | undefined) {
  const { cluster } = call.sim;
  const items: Array<Record<string, unknown>> = [];
  for (const vmid of pool.vmids) {
    const guest = cluster.guests.get(vmid);
    if (guest && (type === undefined || type === guest.type)) items.push(guestResource(cluster, guest));
  }
  if (type === undefined || type === 'storage')
    for (const node of cluster.nodes.values())
      for (const id of pool.storage) {
        const storage = node.storage.get(id);
        if (storage) items.push(storageResource(node, storage));
      }
  return items;
}

/** GET /pools: the pools the caller may audit; with `poolid`, that pool and its members. */
function pools(call: ApiCall) {
  const { sim, params, identity } = call;
  const items = sim.cluster.datacenter.pools
    .filter((pool) => params.poolid === undefined || pool.poolid === params.poolid)
    .filter((pool) => identity.grants.has(`/pool/${pool.poolid}`, 'Pool.Audit'))
    .map((pool) => ({
      poolid: pool.poolid,
      ...(pool.comment !== undefined ? { comment: pool.comment } : {}),
      ...(params.poolid !== undefined ? { members: members(call, pool, params.type as string | undefined) } : {}),
    }));
  if (params.poolid !== undefined && items.length === 0) throw serverError(`pool '${params.poolid}' does not exist`);
  return ok(items);
}

function pool(call: ApiCall) {
  const found = call.sim.cluster.datacenter.pools.find((entry) => entry.poolid === call.params.poolid);
  if (!found) throw serverError(`pool '${call.params.poolid}' does not exist`);
  return ok({
    ...(found.comment !== undefined ? { comment: found.comment } : {}),
    members: members(call, found, call.params.type as string | undefined),
  });
}

function clusterFirewall({ sim }: ApiCall) {
  const { firewall } = sim.cluster.datacenter;
  const options = {
    enable: firewall.enable ? 1 : 0,
    policy_in: firewall.policyIn,
    policy_out: firewall.policyOut,
  };
  return ok({ ...options, digest: digest(options) });
}

/** A node's host firewall: on by default, though it only filters while the datacenter firewall is on. */
function nodeFirewall({ sim, params, identity }: ApiCall) {
  requirePrivilege(identity, `/nodes/${String(params.node)}`, 'Sys.Audit');
  const options = { enable: 1 };
  return ok({ ...options, digest: digest([sim.cluster.info.clusterName, params.node]) });
}

export const datacenterRoutes: Route[] = [
  { method: 'GET', template: '/pools', handler: pools },
  { method: 'GET', template: '/pools/{poolid}', handler: pool },
  { method: 'GET', template: '/cluster/options', handler: ({ sim }) => ok({ ...sim.cluster.datacenter.options }) },
  { method: 'GET', template: '/cluster/firewall/options', handler: clusterFirewall },
  { method: 'GET', template: '/nodes/{node}/firewall/options', handler: nodeFirewall },
];
