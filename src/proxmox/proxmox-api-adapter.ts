import { z } from 'zod';
import type { ApiCallOptions, ApiParams, FollowTaskOptions, ProxmoxApi } from '../core/ports/proxmox-api.js';
import type { ProxmoxClient } from './client.js';

const anything = z.unknown();

/** The client as the tools' port (src/core/ports/proxmox-api.ts): untyped paths, the same transport, trust and errors. */
export function toProxmoxApi(client: ProxmoxClient): ProxmoxApi {
  const call = <T>(method: 'GET' | 'POST' | 'DELETE', path: string, params?: ApiParams, options?: ApiCallOptions) =>
    client.api.call(method, path, anything, params, options) as Promise<T>;
  return {
    identity: client.identity,
    get: (path, params, options) => call('GET', path, params, options),
    post: (path, params, options) => call('POST', path, params, options),
    delete: (path, params, options) => call('DELETE', path, params, options),
    followTask: (upid, options: FollowTaskOptions = {}) =>
      client.followTask(upid, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress
          ? { onProgress: (progress) => progress.newLines.forEach((line) => options.onProgress!(line)) }
          : {}),
      }),
  };
}
