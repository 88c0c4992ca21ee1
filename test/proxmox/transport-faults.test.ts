import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import {
  ProxmoxAbortedError,
  ProxmoxConnectionLostError,
  ProxmoxResponseError,
  ProxmoxTimeoutError,
  ProxmoxUnreachableError,
} from '../../src/proxmox/errors.js';
import { testCluster, type TestCertificate } from './support/certs.js';
import {
  answerJson,
  dropConnection,
  startHttpsPeer,
  type HttpsPeer,
  type PeerBehaviour,
} from './support/https-peer.js';
import { rejectionOf } from './support/thrown.js';

const upid = 'UPID:pve1:001A2B3C:0A4F21C3:69F07A96:qmstart:101:root@pam!ai:';
const guest = { node: 'pve1', type: 'qemu', vmid: 101 } as const;
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

async function connect(
  behaviour: PeerBehaviour,
  timeoutMs = 5000,
): Promise<{ peer: HttpsPeer; client: ProxmoxClient }> {
  peer = await startHttpsPeer(certificate, behaviour);
  client = createProxmoxClient(
    {
      name: 'lab',
      url: peer.url,
      tokenId: 'root@pam!ai',
      tokenSecret: 'f7a1c2d3-0000-4000-8000-000000000001',
      fingerprint: certificate.fingerprint,
    },
    { timeoutMs },
  );
  return { peer, client };
}

const dropFirst =
  (answer: PeerBehaviour): PeerBehaviour =>
  (request, index, response) =>
    index === 0 ? dropConnection(response) : answer(request, index, response);

describe('writes are never retried blindly', () => {
  it('sends a POST once when the connection breaks, and says the outcome is unknown', async () => {
    const { peer, client } = await connect(
      dropFirst((_request, _index, response) => answerJson(response, 200, { data: upid })),
    );
    const error = await rejectionOf(client.guests.power(guest, 'start'));
    expect(error).toBeInstanceOf(ProxmoxConnectionLostError);
    expect(error.message).toContain('the change may or may not have been applied');
    expect(peer.requests).toHaveLength(1);
  });

  it('sends a DELETE once when the connection breaks', async () => {
    const { peer, client } = await connect(
      dropFirst((_request, _index, response) => answerJson(response, 200, { data: upid })),
    );
    await expect(client.guests.deleteSnapshot(guest, 'before-upgrade')).rejects.toBeInstanceOf(
      ProxmoxConnectionLostError,
    );
    expect(peer.requests.map((request) => request.method)).toEqual(['DELETE']);
  });

  it('repeats a GET once after a broken connection', async () => {
    const { peer, client } = await connect(
      dropFirst((_request, _index, response) =>
        answerJson(response, 200, { data: { version: '9.1.9', release: '9.1', repoid: 'ee7bad0a3d1546c9' } }),
      ),
    );
    await expect(client.cluster.version()).resolves.toMatchObject({ version: '9.1.9' });
    expect(peer.requests).toHaveLength(2);
  });

  it('gives up on a GET after the second broken connection', async () => {
    const { peer, client } = await connect((_request, _index, response) => dropConnection(response));
    await expect(client.cluster.version()).rejects.toBeInstanceOf(ProxmoxConnectionLostError);
    expect(peer.requests).toHaveLength(2);
  });
});

describe('what goes on the wire', () => {
  it('form-encodes a write with 0/1 booleans and the token header, and no CSRF token', async () => {
    const { peer, client } = await connect((_request, _index, response) => answerJson(response, 200, { data: upid }));
    await client.guests.power(guest, 'shutdown', { timeout: 60, forceStop: true });
    const [request] = peer.requests;
    expect(request).toMatchObject({
      method: 'POST',
      url: '/api2/json/nodes/pve1/qemu/101/status/shutdown',
      body: 'timeout=60&forceStop=1',
    });
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBe('PVEAPIToken=root@pam!ai=f7a1c2d3-0000-4000-8000-000000000001');
    expect(request?.headers.csrfpreventiontoken).toBeUndefined();
  });

  it('puts GET parameters in the query string', async () => {
    const { peer, client } = await connect((_request, _index, response) => answerJson(response, 200, { data: [] }));
    await client.guests.list('pve1', 'qemu', { full: true });
    expect(peer.requests[0]?.url).toBe('/api2/json/nodes/pve1/qemu?full=1');
  });

  it('does not follow a redirect', async () => {
    const { peer, client } = await connect((_request, _index, response) => {
      response.writeHead(301, { location: 'https://127.0.0.1:1/elsewhere' });
      response.end();
    });
    await expect(client.cluster.version()).rejects.toBeInstanceOf(ProxmoxResponseError);
    expect(peer.requests).toHaveLength(1);
  });
});

describe('abort and time limits', () => {
  const silent: PeerBehaviour = () => undefined;

  it('stops a call when its signal aborts', async () => {
    const { peer, client } = await connect(silent);
    const controller = new AbortController();
    const pending = client.cluster.resources('vm', { signal: controller.signal });
    await expect.poll(() => peer.requests.length).toBe(1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(ProxmoxAbortedError);
  });

  it('does not send a call whose signal is already aborted', async () => {
    const { peer, client } = await connect(silent);
    await expect(client.cluster.version({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(ProxmoxAbortedError);
    expect(peer.requests).toHaveLength(0);
  });

  it('ends a call that gets no answer within its time limit', async () => {
    const { client } = await connect(silent);
    const error = await rejectionOf(client.cluster.version({ timeoutMs: 150 }));
    expect(error).toBeInstanceOf(ProxmoxTimeoutError);
    expect(error.message).toMatch(/within 150 ms for GET \/version/);
  });

  it('reports a host that refuses connections as unreachable', async () => {
    const { peer } = await connect(silent);
    const url = peer.url;
    await peer.close();
    const lonely = createProxmoxClient({
      name: 'lab',
      url,
      tokenId: 'root@pam!ai',
      tokenSecret: 'x',
      fingerprint: certificate.fingerprint,
    });
    const error = await rejectionOf(lonely.cluster.version());
    await lonely.close();
    expect(error).toBeInstanceOf(ProxmoxUnreachableError);
    expect(error.message).toMatch(/cannot reach https:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED/);
  });

  it('never repeats credentials written into the URL', async () => {
    const { peer } = await connect(silent);
    const url = peer.url.replace('https://', 'https://root:hunter2@');
    const careful = createProxmoxClient({
      name: 'lab',
      url,
      tokenId: 'root@pam!ai',
      tokenSecret: 'x',
      fingerprint: certificate.fingerprint,
    });
    const error = await rejectionOf(careful.cluster.version({ timeoutMs: 100 }));
    await careful.close();
    expect(careful.url).toBe(peer.url);
    expect(error.message).not.toContain('hunter2');
    expect(peer.requests[0]?.headers.authorization).toBe('PVEAPIToken=root@pam!ai=x');
  });
});
