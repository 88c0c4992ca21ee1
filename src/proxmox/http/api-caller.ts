import type { z } from 'zod';
import type { ApiParams, CallOptions, HttpMethod, Requester } from '../api/requester.js';
import type { Authenticator } from '../auth/authenticator.js';
import { type ProxmoxCall, ProxmoxResponseError } from '../errors.js';
import type { ProxmoxEventSink } from '../events.js';
import { unwrapAnswer, type Unwrapped } from './answer.js';
import type { Transport } from './transport.js';

export interface ApiCallerOptions {
  transport: Transport;
  auth: Authenticator;
  profile: string;
  timeoutMs: number;
  now: () => number;
  onEvent?: ProxmoxEventSink | undefined;
}

/** The call pipeline: auth headers, one HTTPS exchange, 401 recovery, envelope, zod at the boundary. */
export function createApiCaller(options: ApiCallerOptions): Requester {
  const caller = { profile: options.profile, credential: options.auth.credential };

  async function exchange(
    method: HttpMethod,
    path: string,
    params: ApiParams | undefined,
    call: CallOptions,
  ): Promise<Unwrapped> {
    const settings = {
      ...(call.signal ? { signal: call.signal } : {}),
      timeoutMs: call.timeoutMs ?? options.timeoutMs,
    };
    for (let recovered = false; ; recovered = true) {
      const headers = await options.auth.headers(method, settings);
      const started = options.now();
      const answer = await options.transport.send({ method, path, params, headers, ...settings });
      options.onEvent?.({ type: 'response', method, path, status: answer.status, ms: options.now() - started });
      // Safety: repeating a call after a 401 is not a blind retry; Proxmox authenticates before
      // any handler runs, so a refused write did nothing. It happens at most once per call.
      if (answer.status === 401 && !recovered && (await options.auth.recover(settings))) continue;
      return unwrapAnswer(answer, { method, path }, caller);
    }
  }

  return {
    async call(method, path, schema, params, call = {}) {
      const { data } = await exchange(method, path, params, call);
      return parseData(schema, data, { method, path });
    },
    async page(path, schema, params, call = {}) {
      const { data, total } = await exchange('GET', path, params, call);
      return { data: parseData(schema, data, { method: 'GET', path }), total };
    },
  };
}

function parseData<T>(schema: z.ZodType<T>, data: unknown, call: ProxmoxCall): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `data.${issue.path.join('.')}` : 'data';
  throw new ProxmoxResponseError(`${where}: ${issue?.message ?? 'does not match the expected shape'}`, call);
}
