import { z } from 'zod';
import { maybe, pveBoolean, pveNumber } from './wire.js';

/** `POST /access/ticket`; `NeedTFA` instead of `cap` when a second factor is still required. */
export const TicketSchema = z.looseObject({
  username: z.string(),
  ticket: z.string().min(1),
  CSRFPreventionToken: z.string().min(1),
  NeedTFA: maybe(pveBoolean),
});

/** `GET /access/permissions`: ACL path -> privilege -> 1 (0 when set without propagation). */
export const PermissionsSchema = z.record(z.string(), z.record(z.string(), pveNumber));
export type Permissions = z.infer<typeof PermissionsSchema>;

export const ApiTokenSchema = z.looseObject({
  tokenid: z.string(),
  privsep: maybe(pveBoolean),
  expire: maybe(pveNumber),
  comment: maybe(z.string()),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** `GET /access/users`; `tokens` only with `full=1`. */
export const UserSchema = z.looseObject({
  userid: z.string(),
  enable: maybe(pveBoolean),
  expire: maybe(pveNumber),
  email: maybe(z.string()),
  comment: maybe(z.string()),
  'realm-type': maybe(z.string()),
  tokens: maybe(z.array(ApiTokenSchema)),
});
export type User = z.infer<typeof UserSchema>;

/** `GET /access/tfa`: a user and the second factors set up for them. */
export const TfaUserSchema = z.looseObject({
  userid: z.string(),
  entries: z.array(z.looseObject({ type: z.string(), id: z.string(), enable: maybe(pveBoolean) })),
});
export type TfaUser = z.infer<typeof TfaUserSchema>;
