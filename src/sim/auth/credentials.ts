import crypto from 'node:crypto';
import type { ResolvedScenario } from '../scenario/schema.js';
import { PrivilegeGrants } from './privileges.js';

export interface TokenCredential {
  id: string;
  secret: string;
  grants: PrivilegeGrants;
}

export interface UserCredential {
  userid: string;
  password: string;
  grants: PrivilegeGrants;
}

export interface Credentials {
  tokens: Map<string, TokenCredential>;
  users: Map<string, UserCredential>;
}

/** Tokens and users of the scenario's `access`, with generated secrets where the scenario sets none. */
export function buildCredentials(
  access: ResolvedScenario['access'],
  randomSecret: () => string = crypto.randomUUID,
): Credentials {
  const tokens = access.tokens ?? [{ id: 'root@pam!sim' }];
  const users = access.users ?? [{ userid: 'root@pam' }];
  const grantsOf = (privileges: Record<string, string[]> | undefined, superuser = false) =>
    privileges
      ? new PrivilegeGrants(privileges, superuser)
      : superuser
        ? new PrivilegeGrants({}, true)
        : PrivilegeGrants.everything();
  return {
    tokens: new Map(
      tokens.map((token) => [
        token.id,
        { id: token.id, secret: token.secret ?? randomSecret(), grants: grantsOf(token.privileges) },
      ]),
    ),
    users: new Map(
      users.map((user) => [
        user.userid,
        // Safety: only root@pam bypasses every check, as in Proxmox; other users get exactly their grants.
        {
          userid: user.userid,
          password: user.password ?? randomSecret(),
          grants: grantsOf(user.privileges, user.userid === 'root@pam'),
        },
      ]),
    ),
  };
}
