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
