import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ticketLifetimeMs, ticketRenewMarginMs } from '../../src/proxmox/auth/ticket-auth.js';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import { ProxmoxAuthError } from '../../src/proxmox/errors.js';
import type { ProxmoxEvent } from '../../src/proxmox/events.js';
import { testCluster, type TestCertificate } from './support/certs.js';
import { answerJson, startHttpsPeer, type HttpsPeer, type SeenRequest } from './support/https-peer.js';
import { rejectionOf } from './support/thrown.js';

// A scripted ticket server: each login answers with ticket N; `refuse` makes API calls answer 401.
let certificate: TestCertificate;
let peer: HttpsPeer | undefined;
let client: ProxmoxClient | undefined;

beforeAll(async () => {
  certificate = (await testCluster()).node;
});

afterEach(async () => {
  await client?.close();
  await peer?.close();
  client = undefined;
  peer = undefined;
});

interface Script {
  refuse?: (request: SeenRequest) => boolean;
  needTfa?: boolean;
}

async function session(script: Script = {}) {
  let time = Date.UTC(2026, 10, 20, 3, 0, 0);
  let logins = 0;
  const events: ProxmoxEvent[] = [];
  peer = await startHttpsPeer(certificate, (request, _index, response) => {
    if (request.url === '/api2/json/access/ticket') {
      logins += 1;
      const ticket = `PVE:ops@pve:6A1E${logins}::signature${logins}+/=`;
      answerJson(response, 200, {
        data: {
          username: 'ops@pve',
          ticket,
          CSRFPreventionToken: `csrf-${logins}`,
          ...(script.needTfa ? { NeedTFA: 1 } : {}),
        },
      });
    } else if (script.refuse?.(request)) {
      answerJson(response, 401, '', 'Authentication failed!');
    } else {
      answerJson(response, 200, {
        data: request.method === 'GET' ? [] : 'UPID:pve1:001A2B3C:0A4F21C3:69F07A96:qmstart:101:ops@pve:',
      });
    }
  });
  client = createProxmoxClient(
    { name: 'lab', url: peer.url, username: 'ops@pve', password: 'pa$$ word', fingerprint: certificate.fingerprint },
    { now: () => time, onEvent: (event) => events.push(event) },
  );
  const isLogin = (request: SeenRequest) => request.url === '/api2/json/access/ticket';
  const seen = peer.requests;
  return {
    client,
    events,
    apiCalls: () => seen.filter((request) => !isLogin(request)),
    loginRequests: () => seen.filter(isLogin),
    advance: (ms: number) => (time += ms),
  };
}

const guest = { node: 'pve1', type: 'qemu', vmid: 101 } as const;

describe('ticket login on the wire', () => {
  it('logs in once with a form-encoded username and password', async () => {
    const { client, loginRequests } = await session();
    await client.cluster.resources();
    await client.cluster.resources();
    expect(loginRequests().map((request) => request.body)).toEqual(['username=ops%40pve&password=pa%24%24+word']);
  });

  it('sends the ticket as the PVEAuthCookie cookie, URL-encoded', async () => {
    const { client, apiCalls } = await session();
    await client.cluster.resources();
    expect(apiCalls()[0]?.headers.cookie).toBe(
      `PVEAuthCookie=${encodeURIComponent('PVE:ops@pve:6A1E1::signature1+/=')}`,
    );
  });

  it('adds the CSRF token to writes and only to writes', async () => {
    const { client, apiCalls } = await session();
    await client.cluster.resources();
    await client.guests.power(guest, 'start');
    expect(apiCalls().map((request) => [request.method, request.headers.csrfpreventiontoken])).toEqual([
      ['GET', undefined],
      ['POST', 'csrf-1'],
    ]);
  });

  it('renews the ticket with the ticket itself shortly before the two hours are up', async () => {
    const { client, advance, loginRequests, events } = await session();
    await client.cluster.resources();
    advance(ticketLifetimeMs - ticketRenewMarginMs);
    await client.cluster.resources();
    expect(loginRequests()[1]?.body).toBe(
      `username=ops%40pve&password=${encodeURIComponent('PVE:ops@pve:6A1E1::signature1+/=')}`,
    );
    expect(events.filter((event) => event.type === 'auth')).toEqual([
      { type: 'auth', action: 'login' },
      { type: 'auth', action: 'renew' },
    ]);
  });

  it('logs in with the password again once the ticket has expired', async () => {
    const { client, advance, loginRequests } = await session();
    await client.cluster.resources();
    advance(ticketLifetimeMs);
    await client.cluster.resources();
    expect(loginRequests().map((request) => request.body)).toEqual([
      'username=ops%40pve&password=pa%24%24+word',
      'username=ops%40pve&password=pa%24%24+word',
    ]);
  });

  it('logs in again after a 401 and repeats the call once', async () => {
    let refused = 0;
    const { client, apiCalls, events } = await session({ refuse: () => refused++ === 0 });
    await expect(client.guests.power(guest, 'start')).resolves.toMatch(/^UPID:/);
    expect(apiCalls().map((request) => request.headers.csrfpreventiontoken)).toEqual(['csrf-1', 'csrf-2']);
    expect(
      events.filter((event) => event.type === 'auth').map((event) => event.type === 'auth' && event.action),
    ).toEqual(['login', 'relogin']);
  });

  it('gives up with an auth error when the fresh ticket is refused too', async () => {
    const { client, apiCalls } = await session({ refuse: () => true });
    const error = await rejectionOf(client.cluster.resources());
    expect(error).toBeInstanceOf(ProxmoxAuthError);
    expect(error.message).toContain(
      "authentication failed for profile 'lab' on GET /cluster/resources (Authentication failed!)",
    );
    expect(apiCalls()).toHaveLength(2);
  });

  it('refuses a user that needs a second factor, pointing at API tokens', async () => {
    const { client } = await session({ needTfa: true });
    const error = await rejectionOf(client.cluster.resources());
    expect(error).toBeInstanceOf(ProxmoxAuthError);
    expect(error.message).toContain('needs a second factor; use an API token');
  });

  it('never puts the password or ticket into events', async () => {
    const { client, events } = await session();
    await client.guests.power(guest, 'start');
    expect(JSON.stringify(events)).not.toMatch(/pa\$\$|PVE:ops|csrf-/);
  });
});
