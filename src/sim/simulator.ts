import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import type https from 'node:https';
import type { Simulation } from './api/route.js';
import { Router } from './api/router.js';
import { routes } from './api/routes.js';
import { buildCredentials } from './auth/credentials.js';
import { TicketAuthority } from './auth/tickets.js';
import { validateScenario } from './scenario/parse.js';
import type { Scenario } from './scenario/schema.js';
import { createCertificate } from './server/certificate.js';
import { createApiServer } from './server/https-server.js';
import { PortInUseError } from './server/port-in-use-error.js';
import { buildCluster } from './state/build-cluster.js';
import { simulatorClock } from './state/clock.js';

export interface SimulatorHandle {
  /** `https://127.0.0.1:PORT` */
  url: string;
  /** The scenario's first token (default `root@pam!sim`). */
  tokenId: string;
  tokenSecret: string;
  /** SHA-256 of the certificate, `AA:BB:...`. */
  fingerprint: string;
  /** The self-signed server certificate (CN/SAN 127.0.0.1, SAN localhost); usable as a caFile. */
  certificatePem: string;
  /** Users for ticket logins (default root@pam with a generated password). */
  users: Array<{ userid: string; password: string }>;
  /** `METHOD /api2/json/...?query` of the latest requests, oldest first, as pveproxy's access log keeps them. */
  accessLog(): readonly string[];
  close(): Promise<void>;
}

const accessLogLength = 10_000;

export interface StartSimulatorOptions {
  scenario: Scenario;
  /** Default 0: a free port. */
  port?: number;
  /** Injectable clock (ms since the epoch); default: the scenario's `now` advanced by real time, or the real time. */
  now?: () => number;
  /** How long a started task runs before it ends (default 300 ms of sim time); 0 ends it at once. */
  taskDurationMs?: number;
}

/** Starts a Proxmox VE peer for the scenario on 127.0.0.1 over HTTPS. */
export async function startSimulator(options: StartSimulatorOptions): Promise<SimulatorHandle> {
  const scenario = validateScenario(options.scenario, `'${String(options.scenario.name)}'`);
  const now = simulatorClock(scenario.now, options.now);
  const pendingCertificate = createCertificate(new Date(now()));
  const cluster = buildCluster(scenario, now);
  const credentials = buildCredentials(scenario.access);
  const certificate = await pendingCertificate;
  const sim: Simulation = {
    cluster,
    credentials,
    tickets: new TicketAuthority(() => Math.floor(now() / 1000)),
    taskDurationMs: options.taskDurationMs ?? 300,
    fingerprint: certificate.fingerprint,
  };
  const server = createApiServer(sim, new Router(routes), certificate);
  const access: string[] = [];
  server.on('request', (request: http.IncomingMessage) => {
    if (access.push(`${request.method} ${request.url}`) > 2 * accessLogLength) access.splice(0, accessLogLength);
  });
  const port = await listen(server, options.port ?? 0);
  const token = credentials.tokens.values().next().value;
  return {
    url: `https://127.0.0.1:${port}`,
    tokenId: token?.id ?? '',
    tokenSecret: token?.secret ?? '',
    fingerprint: certificate.fingerprint,
    certificatePem: certificate.cert,
    users: [...credentials.users.values()].map(({ userid, password }) => ({ userid, password })),
    accessLog: () => access.slice(-accessLogLength),
    close: () => close(server),
  };
}

function listen(server: https.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, { cause: error }) : error),
    );
    // Safety: loopback only; the simulator is a test peer and never listens on other interfaces.
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: https.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
