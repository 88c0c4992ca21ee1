import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClient, type SimClient } from './support/sim-client.js';

const auditorToken = 'monitor@pve!ro=11111111-2222-3333-4444-555555555555';
const operatorToken = 'ops@pve!power=66666666-7777-8888-9999-000000000000';
const adminToken = 'root@pam!admin=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('simulator permissions', () => {
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient({
      name: 'acl',
      now: '2026-11-20T03:00:00Z',
      access: {
        tokens: [
          {
            id: 'monitor@pve!ro',
            secret: '11111111-2222-3333-4444-555555555555',
            privileges: { '/': ['Sys.Audit', 'VM.Audit'] },
          },
          {
            id: 'ops@pve!power',
            secret: '66666666-7777-8888-9999-000000000000',
            privileges: { '/vms/101': ['VM.Audit', 'VM.PowerMgmt'] },
          },
          { id: 'root@pam!admin', secret: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' },
        ],
      },
      nodes: [{ name: 'pve1', bridges: ['vmbr0'], storage: [{ id: 'local-lvm', type: 'lvmthin' }] }],
      guests: [
        {
          vmid: 100,
          type: 'qemu',
          node: 'pve1',
          name: 'web',
          status: 'running',
          config: { agent: '1' },
          agent: { osinfo: { id: 'debian' } },
        },
        { vmid: 101, type: 'qemu', node: 'pve1', name: 'db' },
      ],
    });
  });
  afterAll(() => client.close());

  it('refuses a power action without VM.PowerMgmt with 403 naming path and privilege', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/101/status/start', { auth: { token: auditorToken } });
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual({ data: null, message: 'Permission check failed (/vms/101, VM.PowerMgmt)\n' });
    expect(answer.reason).toBe('Permission check failed (/vms/101, VM.PowerMgmt)');
  });

  it('allows the action where the privilege is granted', async () => {
    const answer = await client.call('POST', '/nodes/pve1/qemu/101/status/start', { auth: { token: operatorToken } });
    expect(answer.status).toBe(200);
  });

  it('joins the alternatives of an any-check with |', async () => {
    const answer = await client.call('GET', '/nodes/pve1/qemu/100/agent/get-osinfo', { auth: { token: auditorToken } });
    expect(answer.body.message).toBe(
      'Permission check failed (/vms/100, VM.GuestAgent.Audit|VM.GuestAgent.Unrestricted)\n',
    );
  });

  it('leaves out of lists what the caller cannot audit instead of refusing', async () => {
    const items = await client.data('GET', '/cluster/resources', { auth: { token: operatorToken } });
    expect(items.map((item: { id: string }) => item.id)).toEqual(['qemu/101']);
  });

  it('shows everything to a token with audit rights on /', async () => {
    const items = await client.data('GET', '/cluster/resources?type=vm', { auth: { token: auditorToken } });
    expect(items.map((item: { vmid: number }) => item.vmid)).toEqual([100, 101]);
  });

  it('refuses a Sys.Audit endpoint to a token without it', async () => {
    const answer = await client.call('GET', '/nodes/pve1/status', { auth: { token: operatorToken } });
    expect(answer.body.message).toBe('Permission check failed (/nodes/pve1, Sys.Audit)\n');
  });

  it("lists a token's privileges per ACL path", async () => {
    const data = await client.data('GET', '/access/permissions', { auth: { token: operatorToken } });
    expect(data).toEqual({ '/vms/101': { 'VM.Audit': 1, 'VM.PowerMgmt': 1 } });
  });

  it('answers the privileges on one path, inherited ones included', async () => {
    const data = await client.data('GET', `/access/permissions?path=${encodeURIComponent('/vms/100')}`, {
      auth: { token: auditorToken },
    });
    expect(data).toEqual({ '/vms/100': { 'Sys.Audit': 1, 'VM.Audit': 1 } });
  });

  it("hides another id's privileges without Sys.Audit on /access", async () => {
    const answer = await client.call('GET', '/access/permissions?userid=monitor@pve!ro', {
      auth: { token: operatorToken },
    });
    expect(answer.status).toBe(403);
  });

  it("hides a stranger's task from a caller without Sys.Audit on the node", async () => {
    const upid = await client.data('POST', '/nodes/pve1/qemu/101/status/stop', { auth: { token: adminToken } });
    const answer = await client.call('GET', `/nodes/pve1/tasks/${encodeURIComponent(upid)}/status`, {
      auth: { token: operatorToken },
    });
    expect(answer.body.message).toBe('Permission check failed (/nodes/pve1, Sys.Audit)\n');
  });
});
