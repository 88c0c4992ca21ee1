import type { z } from 'zod';
import type { CallOptions } from '../../core/ports/proxmox-api.js';
import type { Page } from '../schemas/wire.js';

export type { CallOptions, Page };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Parameters as Proxmox takes them; booleans go out as 0/1, arrays as repeated keys, undefined is left out. */
export type ApiParams = Record<string, string | number | boolean | readonly string[] | undefined>;

/** The one way the typed API modules talk to Proxmox. */
export interface Requester {
  call<T>(
    method: HttpMethod,
    path: string,
    schema: z.ZodType<T>,
    params?: ApiParams,
    options?: CallOptions,
  ): Promise<T>;
  page<T>(path: string, schema: z.ZodType<T>, params?: ApiParams, options?: CallOptions): Promise<Page<T>>;
}

/** Builds an API path, percent-encoding each interpolated segment (node names, UPIDs, snapshot names). */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return strings.reduce(
    (path, literal, index) => path + literal + (index < values.length ? encodeURIComponent(String(values[index])) : ''),
    '',
  );
}
