import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallScenario, startClient, type SimClient } from './support/sim-client.js';

describe('simulator wire format', () => {
  let client: SimClient;

  beforeAll(async () => {
    const base = smallScenario();
    client = await startClient({
      ...base,
      nodes: [...base.nodes, { name: 'pve2', status: 'offline' }],
    });
  });
  afterAll(() => client.close());

  it('wraps results in {"data": ...} with pveproxy headers', async () => {
    const answer = await client.call('GET', '/version');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { version: '9.1.9', release: '9.1', repoid: 'ee7bad0a3d1546c9' } });
    expect(answer.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(answer.headers.get('server')).toBe('pve-api-daemon/3.0');
  });

  it('answers an unknown path with 501 and the method and path in the message', async () => {
    const answer = await client.call('GET', '/nodes/pve1/qemu/100/foo');
    expect(answer.status).toBe(501);
    expect(answer.reason).toBe("Method 'GET /nodes/pve1/qemu/100/foo' not implemented");
    expect(answer.body).toEqual({ data: null, message: "Method 'GET /nodes/pve1/qemu/100/foo' not implemented" });
  });

  it('answers a known path with an unsupported method with 501', async () => {
    const answer = await client.call('PUT', '/version');
    expect(answer.status).toBe(501);
  });

  it('rejects a body on DELETE with 501', async () => {
    const answer = await client.call('DELETE', '/nodes/pve1/qemu/100/snapshot/x', { form: { force: 1 } });
    expect(answer.status).toBe(501);
    expect(answer.reason).toBe("Unexpected content for method 'DELETE'");
  });

  it('reports parameter errors as 400 with an errors map per parameter', async () => {
    const answer = await client.call('GET', '/nodes/pve1/tasks?limit=abc&bogus=1');
    expect(answer.status).toBe(400);
    expect(answer.reason).toBe('Parameter verification failed.');
    expect(answer.body).toEqual({
      data: null,
      message: 'Parameter verification failed.\n',
      errors: {
        limit: "type check ('integer') failed - got 'abc'",
        bogus: 'property is not defined in schema and the schema does not allow additional properties',
      },
    });
  });

  it('checks path parameters against their format', async () => {
    const answer = await client.call('GET', '/nodes/pve1/qemu/99/status/current');
    expect(answer.body.errors).toEqual({ vmid: 'invalid format - value does not look like a valid VM ID\n' });
  });

  it('names a missing required parameter', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/snapshot', { form: {} });
    expect(answer.body.errors).toEqual({ snapname: 'property is missing and it is not optional' });
  });

  it('refuses form booleans other than 0 and 1', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/start', { form: { skiplock: 'true' } });
    expect(answer.body.errors).toEqual({ skiplock: "type check ('boolean') failed - got 'true'" });
  });

  it('accepts JSON bodies, where booleans may be true/false', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/snapshot', {
      json: { snapname: 'viajson', vmstate: false },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatch(/^UPID:pve1:.*:qmsnapshot:100:/);
  });

  it('rejects a body parameter that contradicts the path', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/100/status/start', { form: { vmid: 101 } });
    expect(answer.body.errors).toEqual({
      vmid: 'duplicate parameter (already defined in URI) with conflicting values!',
    });
  });

  it("answers a guest that is not on the node with load_config's 500", async () => {
    const answer = await client.call('GET', '/nodes/pve1/qemu/999/status/current');
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({
      data: null,
      message: "Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist\n",
    });
  });

  it('answers a call routed to an offline node with 595 and no body', async () => {
    const answer = await client.call('GET', '/nodes/pve2/status');
    expect(answer.status).toBe(595);
    expect(answer.reason).toBe('Errors during connection establishment, proxy handshake: No route to host');
    expect(answer.text).toBe('');
  });

  it('answers a call for an unknown node with the hostname lookup failure', async () => {
    const answer = await client.call('GET', '/nodes/nosuch/status');
    expect(answer.status).toBe(500);
    expect(answer.body.message).toBe(
      "hostname lookup 'nosuch' failed - failed to get address info for: nosuch: Name or service not known\n",
    );
  });

  it('gzips bodies over 1 KiB when the client accepts it', async () => {
    const answer = await client.call('GET', '/nodes/pve1/status', { headers: { 'accept-encoding': 'gzip' } });
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(answer.body.data.pveversion).toBe('pve-manager/9.1.9/ee7bad0a3d1546c9');
  });

  it('answers paths outside /api2/json with 501 no such uri', async () => {
    const { fetch } = await import('undici');
    const response = await fetch(`${client.sim.url}/api2/xml/version`, { dispatcher: client.dispatcher });
    expect(response.status).toBe(501);
    expect(response.statusText).toBe('no such uri');
  });
});
