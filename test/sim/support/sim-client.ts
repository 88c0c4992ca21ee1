import { Agent, fetch } from 'undici';
import {
  loadScenarioFile,
  demoScenarioPath,
  startSimulator,
  type Scenario,
  type SimulatorHandle,
  type StartSimulatorOptions,
} from '../../../src/sim/index.js';

/** One answer of the simulator, read over real HTTPS. */
export interface Answer {
  status: number;
  reason: string;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export type Auth = { token: string } | { ticket: string; csrf?: string } | { none: true };

export interface CallOptions {
  auth?: Auth;
  /** POST/PUT parameters: form-encoded unless `json`. */
  form?: Record<string, string | number>;
  json?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** A client trusting exactly the simulator's certificate, with its first token by default. */
export class SimClient {
  readonly dispatcher: Agent;

  constructor(readonly sim: SimulatorHandle) {
    this.dispatcher = new Agent({ connect: { ca: sim.certificatePem } });
  }

  get token(): string {
    return `${this.sim.tokenId}=${this.sim.tokenSecret}`;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    const auth = options.auth ?? { token: this.token };
    if ('token' in auth) headers.authorization = `PVEAPIToken=${auth.token}`;
    if ('ticket' in auth) {
      headers.cookie = `PVEAuthCookie=${encodeURIComponent(auth.ticket)}`;
      if (auth.csrf) headers.csrfpreventiontoken = auth.csrf;
    }
    let body: string | undefined;
    if (options.json) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(
        Object.entries(options.form).map(([key, value]): [string, string] => [key, String(value)]),
      ).toString();
    }
    const response = await fetch(`${this.sim.url}/api2/json${path}`, {
      method,
      headers,
      body,
      dispatcher: this.dispatcher,
    });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return {
      status: response.status,
      reason: response.statusText,
      headers: response.headers as unknown as Headers,
      text,
      body: parsed,
    };
  }

  async data(method: string, path: string, options?: CallOptions) {
    const answer = await this.call(method, path, options);
    if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${answer.reason}`);
    return answer.body.data;
  }

  /** Starts a worker and returns its UPID. */
  async post(path: string, form?: Record<string, string | number>): Promise<string> {
    return (await this.data('POST', path, form ? { form } : {})) as string;
  }

  async taskLog(node: string, upid: string): Promise<string[]> {
    const lines = (await this.data('GET', `/nodes/${node}/tasks/${encodeURIComponent(upid)}/log?limit=0`)) as Array<{
      t: string;
    }>;
    return lines.map((line) => line.t);
  }

  async taskStatus(node: string, upid: string) {
    return this.data('GET', `/nodes/${node}/tasks/${encodeURIComponent(upid)}/status`);
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
    await this.sim.close();
  }
}

/** A clock the test moves by hand. */
export class ManualClock {
  constructor(public ms: number) {}
  readonly now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export const demoNow = Date.parse('2026-11-20T03:00:00Z');

export async function startClient(
  scenario: Scenario,
  options: Omit<StartSimulatorOptions, 'scenario'> = {},
): Promise<SimClient> {
  return new SimClient(await startSimulator({ taskDurationMs: 0, ...options, scenario }));
}

export function demoScenario(): Scenario {
  return loadScenarioFile(demoScenarioPath());
}

/** A one-node cluster with one stopped VM: the base most tests vary. */
export function smallScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'small',
    now: '2026-11-20T03:00:00Z',
    nodes: [
      {
        name: 'pve1',
        memoryMiB: 16384,
        bridges: ['vmbr0'],
        storage: [
          { id: 'local', type: 'dir', totalGiB: 100, usedGiB: 20 },
          { id: 'local-lvm', type: 'lvmthin', totalGiB: 400, usedGiB: 100 },
        ],
      },
    ],
    guests: [
      {
        vmid: 100,
        type: 'qemu',
        node: 'pve1',
        name: 'app',
        config: {
          memory: '2048',
          cores: 2,
          scsi0: 'local-lvm:vm-100-disk-0,size=32G',
          net0: 'virtio=BC:24:11:00:00:64,bridge=vmbr0',
        },
      },
    ],
    ...overrides,
  };
}
