import crypto from 'node:crypto';
import { ok, type ApiCall, type Route } from '../api/route.js';
import type { Credentials } from '../auth/credentials.js';
import type { Identity } from '../auth/identity.js';

/** Users, their API tokens and their second factors (user.cfg, priv/tfa.cfg), as /access/users and /access/tfa list them. */

interface Account {
  userid: string;
  enable: boolean;
  email?: string;
  comment?: string;
  tfa: string[];
}

/** root@pam always exists; token owners exist even when the scenario lists no login for them. */
function accounts(credentials: Credentials): Account[] {
  const byId = new Map<string, Account>([['root@pam', { userid: 'root@pam', enable: true, tfa: [] }]]);
  for (const user of credentials.users.values()) byId.set(user.userid, user);
  for (const token of credentials.tokens.values()) {
    const owner = token.id.slice(0, token.id.indexOf('!'));
    if (!byId.has(owner)) byId.set(owner, { userid: owner, enable: true, tfa: [] });
  }
  return [...byId.values()].sort((a, b) => a.userid.localeCompare(b.userid));
}

/** Without User.Modify or Sys.Audit on /access/groups a caller sees only itself. */
function visibleTo(identity: Identity): (userid: string) => boolean {
  const auditor =
    identity.grants.has('/access/groups', 'User.Modify') || identity.grants.has('/access/groups', 'Sys.Audit');
  return (userid) => auditor || userid === identity.userid;
}

function tokensOf(credentials: Credentials, userid: string) {
  return [...credentials.tokens.values()]
    .filter((token) => token.id.startsWith(`${userid}!`))
    .map((token) => ({
      tokenid: token.id.slice(token.id.indexOf('!') + 1),
      privsep: token.privsep ? 1 : 0,
      expire: token.expire,
      ...(token.comment !== undefined ? { comment: token.comment } : {}),
    }));
}

function users({ sim, params, identity }: ApiCall) {
  const visible = visibleTo(identity);
  const full = params.full === 1;
  const items = accounts(sim.credentials)
    .filter((account) => visible(account.userid))
    .filter((account) => params.enabled === undefined || account.enable === (params.enabled === 1))
    .map((account) => {
      const realm = account.userid.slice(account.userid.indexOf('@') + 1);
      return {
        userid: account.userid,
        enable: account.enable ? 1 : 0,
        expire: 0,
        ...(account.email !== undefined ? { email: account.email } : {}),
        ...(account.comment !== undefined ? { comment: account.comment } : {}),
        ...(realm === 'pam' || realm === 'pve' ? { 'realm-type': realm } : {}),
        ...(full ? { groups: '', tokens: tokensOf(sim.credentials, account.userid) } : {}),
      };
    });
  return ok(items);
}

function userTokens({ sim, params }: ApiCall) {
  return ok(tokensOf(sim.credentials, String(params.userid)));
}

function tfa({ sim, identity }: ApiCall) {
  const visible = visibleTo(identity);
  const items = accounts(sim.credentials)
    .filter((account) => account.tfa.length > 0 && visible(account.userid))
    .map((account) => ({
      userid: account.userid,
      entries: account.tfa.map((type, index) => ({
        type,
        id: type === 'recovery' ? 'recovery' : `${type}-${stableUuid(`${account.userid}/${type}/${index}`)}`,
        description: type === 'recovery' ? '' : `${type} of ${account.userid}`,
        created: 1_760_000_000 + index * 86_400,
        enable: 1,
      })),
    }));
  return ok(items);
}

function stableUuid(seed: string): string {
  const hex = crypto.createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const accountRoutes: Route[] = [
  { method: 'GET', template: '/access/users', handler: users },
  { method: 'GET', template: '/access/users/{userid}/token', handler: userTokens },
  { method: 'GET', template: '/access/tfa', handler: tfa },
];
