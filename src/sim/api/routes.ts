import { accessRoutes } from '../endpoints/access.js';
import { accountRoutes } from '../endpoints/accounts.js';
import { aptRoutes } from '../endpoints/apt.js';
import { backupRoutes } from '../endpoints/backup.js';
import { datacenterRoutes } from '../endpoints/datacenter.js';
import { guestNetworkRoutes } from '../endpoints/guest-network.js';
import { indexRoutes } from '../endpoints/indexes.js';
import { rrdRoutes } from '../endpoints/rrd.js';
import { agentRoutes } from '../endpoints/agent.js';
import { clusterRoutes } from '../endpoints/cluster.js';
import { guestRoutes } from '../endpoints/guests.js';
import { haRoutes } from '../endpoints/ha.js';
import { nodeLogRoutes } from '../endpoints/node-logs.js';
import { nodeStatusRoutes } from '../endpoints/node-status.js';
import { nodeStorageRoutes } from '../endpoints/node-storage.js';
import { nodeTaskRoutes } from '../endpoints/node-tasks.js';
import { snapshotRoutes } from '../endpoints/snapshots.js';
import type { Route } from './route.js';

/** Every endpoint the simulator serves; anything else is 501, as pveproxy answers an unknown method and path. */
export const routes: Route[] = [
  ...indexRoutes,
  ...accessRoutes,
  ...accountRoutes,
  ...datacenterRoutes,
  ...backupRoutes,
  ...rrdRoutes,
  ...aptRoutes,
  ...guestNetworkRoutes,
  ...clusterRoutes,
  ...haRoutes,
  ...nodeStatusRoutes,
  ...nodeStorageRoutes,
  ...nodeTaskRoutes,
  ...nodeLogRoutes,
  ...guestRoutes('qemu'),
  ...snapshotRoutes('qemu'),
  ...agentRoutes,
  ...guestRoutes('lxc'),
  ...snapshotRoutes('lxc'),
];
