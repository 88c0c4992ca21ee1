import type { PrivilegeGrants } from './privileges.js';

/** Who is calling: a user by ticket, or an API token (privilege-separated: only the token's own grants count). */
export interface Identity {
  /** `root@pam` or `root@pam!sim`; UPIDs and task lists carry it. */
  authid: string;
  userid: string;
  /** The token's name after `!`, for token calls. */
  tokenName?: string;
  viaTicket: boolean;
  grants: PrivilegeGrants;
}
