import { z } from 'zod';
import type { ProxmoxApi } from '../core/ports/proxmox-api.js';
import type { ProxmoxClient } from './client.js';

const anything = z.unknown();

/**
 * The client as the tools' port (src/core/ports/proxmox-api.ts): its typed
 * groups, which validate every answer with the schemas in ./schemas, and
 * nothing of the connection itself (no closing it, no untyped writes).
 */
export function toProxmoxApi(client: ProxmoxClient): ProxmoxApi {
  return {
    identity: client.identity,
    cluster: client.cluster,
    nodes: client.nodes,
    guests: client.guests,
    storage: client.storage,
    tasks: client.tasks,
    access: client.access,
    readRaw: (path, params, options) => client.api.call('GET', path, anything, params, options),
  };
}
