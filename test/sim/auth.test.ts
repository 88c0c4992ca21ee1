import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, demoNow, smallScenario, startClient, type SimClient } from './support/sim-client.js';

describe('simulator authentication', () => {
  let client: SimClient;
  const clock = new ManualClock(demoNow);

  beforeAll(async () => {
    client = await startClient(
      smallScenario({
        access: {
          tokens: [{ id: 'root@pam!sim', secret: '10d75ed0-b2ec-41a7-9aeb-eeb69db09035' }],
          users: [
            { userid: 'root@pam', password: 'hunter2' },
            { userid: 'ops@pve', password: 'opspass', privileges: { '/': ['VM.Audit'] } },
          ],
        },
      }),
      { now: clock.now },
    );
  });
  afterAll(() => client.close());

  async function login(username: string, password: string) {
    return client.call('POST', '/access/ticket', { auth: { none: true }, form: { username, password } });
  }

  it('hands out the scenario token and users', () => {
    expect(client.sim.tokenId).toBe('root@pam!sim');
    expect(client.sim.tokenSecret).toBe('10d75ed0-b2ec-41a7-9aeb-eeb69db09035');
    expect(client.sim.users).toEqual([
      { userid: 'root@pam', password: 'hunter2' },
      { userid: 'ops@pve', password: 'opspass' },
    ]);
  });

  it('accepts a valid API token', async () => {
    expect((await client.call('GET', '/version')).status).toBe(200);
  });

  it('rejects a wrong token secret with 401, an empty body and the reason in the status line', async () => {
    const answer = await client.call('GET', '/version', {
      auth: { token: 'root@pam!sim=00000000-0000-0000-0000-000000000000' },
    });
    expect(answer.status).toBe(401);
    expect(answer.reason).toBe('Authentication failed!');
    expect(answer.text).toBe('');
  });

  it('rejects an unknown token id', async () => {
    const answer = await client.call('GET', '/version', {
      auth: { token: 'root@pam!other=10d75ed0-b2ec-41a7-9aeb-eeb69db09035' },
    });
    expect(answer.status).toBe(401);
  });

  it('asks for credentials with 401 No ticket', async () => {
    const answer = await client.call('GET', '/version', { auth: { none: true } });
    expect(answer.status).toBe(401);
    expect(answer.reason).toBe('No ticket');
  });

  it('checks authentication before looking up the path', async () => {
    expect((await client.call('GET', '/no/such/path', { auth: { none: true } })).status).toBe(401);
  });

  it('logs in with a password and returns a ticket, a CSRF token and capabilities', async () => {
    const answer = await login('root@pam', 'hunter2');
    expect(answer.status).toBe(200);
    const data = answer.body.data;
    expect(data.username).toBe('root@pam');
    expect(data.ticket).toMatch(/^PVE:root@pam:[0-9A-F]{8}::[A-Za-z0-9+/]{342}==$/);
    expect(data.CSRFPreventionToken).toMatch(/^[0-9A-F]{8}:[A-Za-z0-9+/]{43}$/);
    expect(data.cap.vms['VM.PowerMgmt']).toBe(1);
  });

  it('accepts the username without realm plus a realm field', async () => {
    const answer = await client.call('POST', '/access/ticket', {
      auth: { none: true },
      form: { username: 'ops', realm: 'pve', password: 'opspass' },
    });
    expect(answer.body.data.username).toBe('ops@pve');
  });

  it('refuses a wrong password with 401 and authentication failure', async () => {
    const answer = await login('root@pam', 'wrong');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ data: null, message: 'authentication failure\n' });
  });

  it('reads with a ticket cookie', async () => {
    const { ticket } = (await login('root@pam', 'hunter2')).body.data;
    expect((await client.call('GET', '/nodes/pve1/qemu/100/config', { auth: { ticket } })).status).toBe(200);
  });

  it('refuses a write with a ticket but no CSRF token', async () => {
    const { ticket } = (await login('root@pam', 'hunter2')).body.data;
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/start', { auth: { ticket } });
    expect(answer.status).toBe(401);
    expect(answer.reason).toBe('Permission denied - invalid csrf token');
  });

  it('accepts a write with the ticket and its CSRF token', async () => {
    const { ticket, CSRFPreventionToken } = (await login('root@pam', 'hunter2')).body.data;
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/snapshot', {
      auth: { ticket, csrf: CSRFPreventionToken },
      form: { snapname: 'byticket' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatch(/:qmsnapshot:100:root@pam:$/);
  });

  it('refuses a CSRF token of another user', async () => {
    const { ticket } = (await login('root@pam', 'hunter2')).body.data;
    const other = (await login('ops@pve', 'opspass')).body.data.CSRFPreventionToken;
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/start', { auth: { ticket, csrf: other } });
    expect(answer.status).toBe(401);
  });

  it('renews a ticket when it is sent as the password', async () => {
    const { ticket } = (await login('ops@pve', 'opspass')).body.data;
    const renewed = await login('ops@pve', ticket);
    expect(renewed.status).toBe(200);
    expect(renewed.body.data.ticket).toMatch(/^PVE:ops@pve:/);
  });

  it('lets a ticket expire after two hours of the simulator clock', async () => {
    const { ticket } = (await login('root@pam', 'hunter2')).body.data;
    clock.advance(2 * 3600 * 1000 + 1000);
    const answer = await client.call('GET', '/version', { auth: { ticket } });
    clock.advance(-(2 * 3600 * 1000 + 1000));
    expect(answer.status).toBe(401);
    expect(answer.reason).toBe('Authentication failed!');
  });

  it('refuses a forged ticket', async () => {
    const { ticket } = (await login('ops@pve', 'opspass')).body.data;
    const forged = ticket.replace('PVE:ops@pve:', 'PVE:root@pam:');
    expect((await client.call('GET', '/version', { auth: { ticket: forged } })).status).toBe(401);
  });
});
