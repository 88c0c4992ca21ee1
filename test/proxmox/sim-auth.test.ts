import { afterEach, describe, expect, it } from 'vitest';
import { ticketLifetimeMs, ticketRenewMarginMs } from '../../src/proxmox/auth/ticket-auth.js';
import { createProxmoxClient, type ProxmoxClient, type ProxmoxClientOptions } from '../../src/proxmox/client.js';
import { ProxmoxAuthError } from '../../src/proxmox/errors.js';
import type { ProxmoxEvent } from '../../src/proxmox/events.js';
import type { ResolvedProfile } from '../../src/config/profile.js';
import { manualClock, passwordProfile, startDemo, tokenProfile, type Simulator } from './support/sim.js';
import { rejectionOf } from './support/thrown.js';

let sim: Simulator | undefined;
let client: ProxmoxClient | undefined;

afterEach(async () => {
  await client?.close();
  await sim?.close();
  client = undefined;
  sim = undefined;
});

function connect(profile: ResolvedProfile, options: ProxmoxClientOptions = {}) {
  const events: ProxmoxEvent[] = [];
  client = createProxmoxClient(profile, { ...options, onEvent: (event) => events.push(event) });
  return { client, events };
}

const snapshotOf100 = { node: 'pve1', type: 'qemu', vmid: 100 } as const;
const statuses = (events: ProxmoxEvent[]) =>
  events.flatMap((event) => (event.type === 'response' ? [event.status] : []));
const authActions = (events: ProxmoxEvent[]) =>
  events.flatMap((event) => (event.type === 'auth' ? [event.action] : []));

describe('API token', () => {
  it('reads and writes with the token', async () => {
    sim = await startDemo();
    const { client } = connect(tokenProfile(sim));
    expect((await client.cluster.resources('vm')).length).toBeGreaterThan(0);
    await expect(client.guests.createSnapshot(snapshotOf100, { snapname: 'token-write' })).resolves.toMatch(
      /^UPID:pve1:/,
    );
  });

  it('fails with the fix when the secret is wrong', async () => {
    sim = await startDemo();
    const { client } = connect(tokenProfile(sim, { tokenSecret: 'not-the-secret' }));
    const error = await rejectionOf(client.cluster.resources());
    expect(error).toBeInstanceOf(ProxmoxAuthError);
    expect(error.message).toContain(`authentication failed for profile 'demo'`);
    expect(error.message).toContain('proxmox-ai config set profiles.demo.tokenSecret SECRET');
  });
});

describe('ticket login', () => {
  it('reads, and writes with the CSRF token', async () => {
    sim = await startDemo();
    const { client, events } = connect(passwordProfile(sim));
    expect((await client.cluster.resources('vm')).length).toBeGreaterThan(0);
    await expect(client.guests.createSnapshot(snapshotOf100, { snapname: 'ticket-write' })).resolves.toMatch(
      /^UPID:pve1:/,
    );
    expect(statuses(events)).toEqual([200, 200]);
  });

  it('fails with the fix when the password is wrong', async () => {
    sim = await startDemo();
    const { client } = connect(passwordProfile(sim, { password: 'wrong' }));
    const error = await rejectionOf(client.cluster.resources());
    expect(error).toBeInstanceOf(ProxmoxAuthError);
    expect(error.message).toContain('proxmox-ai config set profiles.demo.password PASSWORD');
  });

  it('renews the ticket before the two hours are up, without a single 401', async () => {
    const clock = manualClock();
    sim = await startDemo({ now: clock.now });
    const { client, events } = connect(passwordProfile(sim), { now: clock.now });
    await client.cluster.resources();
    clock.advance(ticketLifetimeMs - ticketRenewMarginMs + 60_000);
    await client.cluster.resources();
    clock.advance(ticketRenewMarginMs);
    await expect(client.guests.createSnapshot(snapshotOf100, { snapname: 'after-renewal' })).resolves.toMatch(/^UPID:/);
    expect(authActions(events)).toEqual(['login', 'renew']);
    expect(statuses(events)).not.toContain(401);
  });

  it('logs in again after a 401 and completes the call', async () => {
    const serverClock = manualClock();
    sim = await startDemo({ now: serverClock.now });
    // The client's clock stands still, so only the server knows the ticket expired.
    const { client, events } = connect(passwordProfile(sim), { now: () => Date.UTC(2026, 10, 20, 3, 0, 0) });
    await client.cluster.resources();
    serverClock.advance(ticketLifetimeMs + 10 * 60_000);
    await expect(client.guests.createSnapshot(snapshotOf100, { snapname: 'after-relogin' })).resolves.toMatch(/^UPID:/);
    expect(authActions(events)).toEqual(['login', 'relogin']);
    expect(statuses(events)).toEqual([200, 401, 200]);
  });
});
