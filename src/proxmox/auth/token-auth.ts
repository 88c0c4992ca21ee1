import type { Authenticator } from './authenticator.js';

/** `Authorization: PVEAPIToken=USER@REALM!ID=SECRET`: stateless, no CSRF token, nothing to renew. */
export function tokenAuth(tokenId: string, secret: string): Authenticator {
  const headers = { authorization: `PVEAPIToken=${tokenId}=${secret}` };
  return {
    credential: { kind: 'token', tokenId },
    headers: async () => headers,
    // A token that got a 401 stays refused: there is no session to renew.
    recover: async () => false,
  };
}
