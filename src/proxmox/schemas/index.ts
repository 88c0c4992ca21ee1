/**
 * The Proxmox wire model: every shape the API sends or takes, with its quirks
 * (0/1 booleans, numbers as strings, `;`-joined tags) parsed here once. The
 * client validates with these schemas; the tools' port (src/core/ports/proxmox-api.ts)
 * is typed with what they infer, so no other room declares a wire shape.
 */
export type * from './access.js';
export type * from './backup.js';
export type * from './cluster.js';
export type * from './guests.js';
export type * from './nodes.js';
export type * from './storage.js';
export type * from './tasks.js';
export type { Page } from './wire.js';
export { isGuestResource, isStorageResource } from './cluster.js';
