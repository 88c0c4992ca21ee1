import type { PermissionCheck, EndpointPermissions } from '../api/endpoint-spec.js';
import { permissionDenied, type ApiError } from '../server/api-error.js';
import type { Identity } from './identity.js';

/**
 * Evaluates an endpoint's declared permission the way RPCEnvironment's
 * exec_api2_perm_check does; returns the 403 to throw, or undefined when allowed.
 */
export function checkEndpointPermission(
  permissions: EndpointPermissions | null,
  identity: Identity,
  params: Readonly<Record<string, unknown>>,
): ApiError | undefined {
  if (identity.grants.superuser) return undefined;
  if (permissions === null) return permissionDenied();
  if (permissions.user === 'all' || permissions.user === 'world') return undefined;
  if (!permissions.check) return permissionDenied();
  return evaluate(permissions.check, identity, params);
}

function evaluate(
  check: PermissionCheck,
  identity: Identity,
  params: Readonly<Record<string, unknown>>,
): ApiError | undefined {
  const [kind, ...rest] = check;
  if (kind === 'and') {
    for (const inner of rest) {
      const denied = evaluate(inner as PermissionCheck, identity, params);
      if (denied) return denied;
    }
    return undefined;
  }
  if (kind === 'or') {
    return rest.some((inner) => evaluate(inner as PermissionCheck, identity, params) === undefined)
      ? undefined
      : permissionDenied();
  }
  if (kind === 'userid-param' && rest[0] === 'self')
    return params.userid === identity.userid ? undefined : permissionDenied();
  if (kind !== 'perm') return permissionDenied();
  const [template, privileges, ...options] = rest as [string, string[], ...unknown[]];
  const requiredParam = options[options.indexOf('require_param') + 1];
  if (options.includes('require_param') && params[String(requiredParam)] === undefined) return permissionDenied();
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => String(params[name] ?? ''));
  if (options.includes('any')) {
    return privileges.some((privilege) => identity.grants.has(path, privilege))
      ? undefined
      : permissionDenied(`${path}, ${privileges.join('|')}`);
  }
  const missing = privileges.find((privilege) => !identity.grants.has(path, privilege));
  return missing ? permissionDenied(`${path}, ${missing}`) : undefined;
}

/** A handler's own check (`$rpcenv->check(...)`): throws the 403 naming the path and privilege. */
export function requirePrivilege(identity: Identity, path: string, privilege: string): void {
  if (!identity.grants.has(path, privilege)) throw permissionDenied(`${path}, ${privilege}`);
}
