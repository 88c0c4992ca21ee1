import { ok, type ApiCall, type Route } from '../api/route.js';
import type { GuestType } from '../state/guest-config.js';
import { guestOf } from './lookup.js';

/** The directory indexes API browsers and clients walk: `/`, `/nodes/{node}`, `/nodes/{node}/{qemu|lxc}/{vmid}`. */

const rootChildren = ['version', 'cluster', 'nodes', 'storage', 'access', 'pools'];

// pve-manager's Nodes.pm index, in its order.
const nodeChildren = [
  'aplinfo',
  'apt',
  'capabilities',
  'ceph',
  'certificates',
  'config',
  'disks',
  'dns',
  'firewall',
  'hardware',
  'hosts',
  'journal',
  'lxc',
  'migrateall',
  'netstat',
  'network',
  'qemu',
  'query-oci-repo-tags',
  'query-url-metadata',
  'replication',
  'report',
  'rrd',
  'rrddata',
  'scan',
  'sdn',
  'services',
  'spiceshell',
  'startall',
  'status',
  'stopall',
  'storage',
  'subscription',
  'suspendall',
  'syslog',
  'tasks',
  'termproxy',
  'time',
  'version',
  'vncshell',
  'vzdump',
  'wakeonlan',
];

// qemu-server's and pve-container's vmdiridx.
const guestChildren: Record<GuestType, string[]> = {
  qemu: [
    'config',
    'cloudinit',
    'pending',
    'status',
    'unlink',
    'vncproxy',
    'termproxy',
    'migrate',
    'resize',
    'move',
    'rrd',
    'rrddata',
    'monitor',
    'agent',
    'snapshot',
    'spiceproxy',
    'sendkey',
    'firewall',
    'mtunnel',
    'remote_migrate',
  ],
  lxc: [
    'config',
    'status',
    'vncproxy',
    'termproxy',
    'vncwebsocket',
    'spiceproxy',
    'migrate',
    'clone',
    'rrd',
    'rrddata',
    'firewall',
    'snapshot',
    'resize',
    'interfaces',
  ],
};

function guestIndex(call: ApiCall, type: GuestType) {
  guestOf(call.sim.cluster, call.params.node, call.params.vmid, type);
  return ok(guestChildren[type].map((subdir) => ({ subdir })));
}

export const indexRoutes: Route[] = [
  { method: 'GET', template: '/', handler: () => ok(rootChildren.map((subdir) => ({ subdir }))) },
  { method: 'GET', template: '/nodes/{node}', handler: () => ok(nodeChildren.map((name) => ({ name }))) },
  { method: 'GET', template: '/nodes/{node}/qemu/{vmid}', handler: (call) => guestIndex(call, 'qemu') },
  { method: 'GET', template: '/nodes/{node}/lxc/{vmid}', handler: (call) => guestIndex(call, 'lxc') },
];
