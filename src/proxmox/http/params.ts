import type { ApiParams } from '../api/requester.js';

/** Form/query encoding as Proxmox expects it: booleans only as 0/1. */
export function encodeParams(params: ApiParams | undefined): URLSearchParams {
  const encoded = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') encoded.append(name, value ? '1' : '0');
    else if (Array.isArray(value)) for (const item of value) encoded.append(name, item);
    else encoded.append(name, String(value));
  }
  return encoded;
}
