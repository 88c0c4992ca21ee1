import { ok, type ApiCall, type Route } from '../api/route.js';
import { nodeOf } from './lookup.js';

/** GET /nodes/{node}/apt/update: the packages apt would upgrade, in pve-manager's APT.pm field names. */
function updates({ sim, params }: ApiCall) {
  const node = nodeOf(sim.cluster, params.node);
  return ok(
    node.updates.map((update) => ({
      Package: update.package,
      Title: update.title,
      Version: update.version,
      ...(update.oldVersion !== undefined ? { OldVersion: update.oldVersion } : {}),
      Origin: update.origin,
      Arch: 'amd64',
      Priority: update.priority,
      Section: update.section,
    })),
  );
}

export const aptRoutes: Route[] = [{ method: 'GET', template: '/nodes/{node}/apt/update', handler: updates }];
