import { z } from 'zod';
import { maybe, pveBoolean, pveInteger } from './wire.js';

/** One job of `GET /cluster/backup` (jobs.cfg); `enabled` is 1 when left out. */
export const BackupJobSchema = z.looseObject({
  id: z.string(),
  type: maybe(z.string()),
  schedule: maybe(z.string()),
  storage: maybe(z.string()),
  mode: maybe(z.string()),
  enabled: maybe(pveBoolean),
  /** `100,101`: the guests it selects, unless `all` or `pool` does. */
  vmid: maybe(z.string()),
  all: maybe(pveBoolean),
  exclude: maybe(z.string()),
  pool: maybe(z.string()),
  node: maybe(z.string()),
  comment: maybe(z.string()),
  'next-run': maybe(pveInteger),
});
export type BackupJob = z.infer<typeof BackupJobSchema>;

/** `GET /cluster/backup-info/not-backed-up`: a guest no job selects. */
export const UncoveredGuestSchema = z.looseObject({
  vmid: pveInteger,
  type: z.enum(['qemu', 'lxc']),
  name: maybe(z.string()),
});
export type UncoveredGuest = z.infer<typeof UncoveredGuestSchema>;
