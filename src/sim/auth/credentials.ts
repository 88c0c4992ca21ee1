import crypto from 'node:crypto';
import type { ResolvedScenario } from '../scenario/schema.js';
import { PrivilegeGrants } from './privileges.js';

export interface TokenCredential {
  id: string;
  secret: string;
  grants: PrivilegeGrants;
  /** What /access/users reports; the simulator checks a token's own grants either way. */
  privsep: boolean;
  comment?: string;
  /** Unix seconds; 0: never. */
  expire: number;
}

export interface UserCredential {
  userid: string;
  password: string;
  grants: PrivilegeGrants;
  /** Second factors set up (totp, webauthn, ...). */
  tfa: string[];
  enable: boolean;
  email?: string;
  comment?: string;
}

type ScenarioToken = NonNullable<ResolvedScenario['access']['tokens']>[number];
type ScenarioUser = NonNullable<ResolvedScenario['access']['users']>[number];

export interface Credentials {
  tokens: Map<string, TokenCredential>;
  users: Map<string, UserCredential>;
}

/** Tokens and users of the scenario's `access`, with generated secrets where the scenario sets none. */
export function buildCredentials(
  access: ResolvedScenario['access'],
  randomSecret: () => string = crypto.randomUUID,
): Credentials {
  const tokens: ScenarioToken[] = access.tokens ?? [{ id: 'root@pam!sim', privsep: true }];
  const users: ScenarioUser[] = access.users ?? [{ userid: 'root@pam', tfa: [], enable: true }];
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
        {
          id: token.id,
          secret: token.secret ?? randomSecret(),
          grants: grantsOf(token.privileges),
          privsep: token.privsep,
          ...(token.comment !== undefined ? { comment: token.comment } : {}),
          expire: token.expire ? Math.floor(Date.parse(token.expire) / 1000) : 0,
        },
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
          tfa: user.tfa,
          enable: user.enable,
          ...(user.email !== undefined ? { email: user.email } : {}),
          ...(user.comment !== undefined ? { comment: user.comment } : {}),
        },
      ]),
    ),
  };
}
