import type http from 'node:http';
import { endpointSpec } from '../api/endpoint-spec.js';
import type { ApiResult, Simulation } from '../api/route.js';
import type { Router } from '../api/router.js';
import { validateParams } from '../api/validate-params.js';
import { authenticate } from '../auth/authenticate.js';
import type { Identity } from '../auth/identity.js';
import { checkEndpointPermission } from '../auth/permission-check.js';
import { PrivilegeGrants } from '../auth/privileges.js';
import { ApiError, notImplemented, parameterError, serverError } from './api-error.js';
import type { RawParams } from './request.js';

const anonymous: Identity = { authid: '', userid: '', viaTicket: false, grants: new PrivilegeGrants({}) };

/**
 * One API call through pveproxy's steps: authenticate (401), find the handler
 * (501), merge path parameters (400 on conflict), check the declared permission
 * (403), reach the node (500 unknown / 595 offline), validate parameters (400),
 * refuse writes without quorum (500), then run the handler.
 */
export function dispatch(
  sim: Simulation,
  router: Router,
  req: http.IncomingMessage,
  method: string,
  path: string,
  raw: RawParams,
): ApiResult {
  sim.cluster.tasks.settle();
  const match = router.match(method, path);
  const identity = match?.route.open ? anonymous : authenticate(req, method, sim.credentials, sim.tickets);
  if (!match) throw notImplemented(method, path);
  const spec = endpointSpec(method, match.route.template);
  if (!spec) throw notImplemented(method, path);
  const conflicts: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.pathParams)) {
    if (raw[name] !== undefined && String(raw[name]) !== value)
      conflicts[name] = 'duplicate parameter (already defined in URI) with conflicting values!';
    raw[name] = value;
  }
  if (Object.keys(conflicts).length > 0) throw parameterError(conflicts);
  const denied = checkEndpointPermission(spec.permissions, identity, raw);
  if (denied) throw denied;
  if (spec.proxyto) reachNode(sim, String(raw[spec.proxyto] ?? ''));
  const params = validateParams(spec, raw);
  if (method !== 'GET' && !match.route.open && !sim.cluster.info.quorate)
    throw serverError('cluster not ready - no quorum?');
  return match.route.handler({ sim, params, identity, method, path });
}

/** pveproxy forwards the call to the node: an unknown name fails the lookup, an offline node the connection. */
function reachNode(sim: Simulation, name: string): void {
  const node = sim.cluster.nodes.get(name);
  if (!node)
    throw serverError(
      `hostname lookup '${name}' failed - failed to get address info for: ${name}: Name or service not known`,
    );
  if (!node.online)
    throw new ApiError(
      595,
      'Errors during connection establishment, proxy handshake: No route to host',
      undefined,
      true,
    );
}
