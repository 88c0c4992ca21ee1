import crypto from 'node:crypto';
import { ok, type ApiCall, type Route } from '../api/route.js';
import { requirePrivilege } from '../auth/permission-check.js';
import { PrivilegeGrants } from '../auth/privileges.js';
import { ApiError } from '../server/api-error.js';

/** The capability groups of a ticket reply (`cap`), each read at its ACL root. */
const capabilityGroups: Array<[string, string, RegExp]> = [
  ['vms', '/vms', /^VM\./],
  ['storage', '/storage', /^Datastore\./],
  ['nodes', '/nodes', /^Sys\./],
  ['access', '/access', /^(User\.|Group\.|Permissions\.|Realm\.)/],
  ['dc', '/', /^(Sys\.Audit|Sys\.Modify|SDN\.|Pool\.)/],
  ['sdn', '/sdn', /^SDN\./],
  ['mapping', '/mapping', /^Mapping\./],
];

function asFlags(privileges: string[]): Record<string, 1> {
  return Object.fromEntries(privileges.map((privilege) => [privilege, 1 as const]));
}

function sameText(a: string, b: string): boolean {
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
  // Safety: constant-time comparison of passwords (by digest, so lengths do not leak either).
  return crypto.timingSafeEqual(digest(a), digest(b));
}

/**
 * POST /access/ticket: password login, or renewal with the current ticket as
 * password. Wrong credentials: 401 with `authentication failure` in the body.
 */
function createTicket({ sim, params }: ApiCall) {
  const username = String(params.username);
  const userid = username.includes('@') ? username : `${username}@${params.realm ?? 'pam'}`;
  const user = sim.credentials.users.get(userid);
  const password = String(params.password);
  const valid = user !== undefined && (sameText(user.password, password) || sim.tickets.verify(password) === userid);
  if (!user || !valid) throw new ApiError(401, 'authentication failure\n');
  const { ticket, csrf } = sim.tickets.issue(userid);
  const cap = Object.fromEntries(
    capabilityGroups.map(([group, path, pattern]) => [
      group,
      asFlags(user.grants.at(path).filter((p) => pattern.test(p))),
    ]),
  );
  const clustered = sim.cluster.nodes.size > 1 && user.grants.has('/', 'Sys.Audit');
  return ok({
    username: userid,
    ticket,
    CSRFPreventionToken: csrf,
    ...(clustered ? { clustername: sim.cluster.info.clusterName } : {}),
    cap,
  });
}

/** GET /access/permissions: the caller's (or, with Sys.Audit on /access, another id's) privileges per ACL path. */
function permissions({ sim, params, identity }: ApiCall) {
  let grants: PrivilegeGrants = identity.grants;
  const asked = params.userid === undefined ? undefined : String(params.userid);
  if (asked !== undefined && asked !== identity.authid && asked !== identity.userid) {
    requirePrivilege(identity, '/access', 'Sys.Audit');
    grants =
      sim.credentials.tokens.get(asked)?.grants ?? sim.credentials.users.get(asked)?.grants ?? new PrivilegeGrants({});
  }
  const paths = params.path === undefined ? grants.paths() : [String(params.path)];
  return ok(Object.fromEntries(paths.map((path) => [path, asFlags(grants.at(path))])));
}

export const accessRoutes: Route[] = [
  { method: 'POST', template: '/access/ticket', handler: createTicket, open: true },
  { method: 'GET', template: '/access/permissions', handler: permissions },
];
