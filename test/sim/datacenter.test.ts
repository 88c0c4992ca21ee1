import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ManualClock,
  demoNow,
  demoScenario,
  smallScenario,
  startClient,
  type SimClient,
} from './support/sim-client.js';

describe('simulator datacenter, access and node endpoints on the demo', () => {
  const clock = new ManualClock(demoNow);
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient(demoScenario(), { now: clock.now });
  });
  afterAll(() => client.close());

  it('walks the indexes from / down to a guest', async () => {
    expect(await client.data('GET', '/')).toEqual(
      ['version', 'cluster', 'nodes', 'storage', 'access', 'pools'].map((subdir) => ({ subdir })),
    );
    const node: Array<{ name: string }> = await client.data('GET', '/nodes/pve1');
    expect(node.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['qemu', 'lxc', 'rrddata', 'vzdump', 'apt']),
    );
    const vm: Array<{ subdir: string }> = await client.data('GET', '/nodes/pve1/qemu/100');
    expect(vm.map((entry) => entry.subdir)).toEqual(expect.arrayContaining(['config', 'status', 'agent', 'rrddata']));
    const ct: Array<{ subdir: string }> = await client.data('GET', '/nodes/pve2/lxc/200');
    expect(ct.map((entry) => entry.subdir)).toContain('interfaces');
    expect((await client.call('GET', '/nodes/pve1/qemu/200')).status).toBe(500);
  });

  it('answers pools, datacenter options and the firewall that is off', async () => {
    expect(await client.data('GET', '/pools')).toEqual([{ poolid: 'prod', comment: 'Production guests' }]);
    const pool = await client.data('GET', '/pools/prod');
    expect(pool.members.map((member: { id: string }) => member.id)).toEqual(['qemu/100', 'qemu/101']);
    expect(await client.data('GET', '/cluster/options')).toEqual({
      keyboard: 'en-us',
      console: 'html5',
      email_from: 'pve@homelab.lan',
    });
    expect(await client.data('GET', '/cluster/firewall/options')).toMatchObject({
      enable: 0,
      policy_in: 'DROP',
      policy_out: 'ACCEPT',
      digest: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(await client.data('GET', '/nodes/pve1/firewall/options')).toMatchObject({ enable: 1 });
    expect(await client.data('GET', '/nodes/pve1/qemu/100/firewall/options')).toEqual({ digest: expect.any(String) });
  });

  it('lists root@pam without a second factor and its token with privilege separation', async () => {
    expect(await client.data('GET', '/access/users?full=1')).toEqual([
      {
        userid: 'root@pam',
        enable: 1,
        expire: 0,
        'realm-type': 'pam',
        groups: '',
        tokens: [{ tokenid: 'sim', privsep: 1, expire: 0 }],
      },
    ]);
    expect(await client.data('GET', '/access/tfa')).toEqual([]);
    expect(await client.data('GET', '/access/users/root@pam/token')).toEqual([
      { tokenid: 'sim', privsep: 1, expire: 0 },
    ]);
  });

  it("lists pve1's two pending updates in APT.pm's field names", async () => {
    expect(await client.data('GET', '/nodes/pve1/apt/update')).toEqual([
      expect.objectContaining({
        Package: 'openssl',
        Version: '3.5.4-1~deb13u2',
        OldVersion: '3.5.4-1~deb13u1',
        Origin: 'Debian',
      }),
      expect.objectContaining({ Package: 'pve-manager', Version: '9.1.10', Origin: 'Proxmox', Arch: 'amd64' }),
    ]);
    expect(await client.data('GET', '/nodes/pve2/apt/update')).toEqual([]);
  });

  it("lists a running container's interfaces and refuses a stopped one", async () => {
    const interfaces = await client.data('GET', '/nodes/pve2/lxc/200/interfaces');
    expect(interfaces[1]).toEqual({
      name: 'eth0',
      hwaddr: 'bc:24:11:e7:40:53',
      'hardware-address': 'bc:24:11:e7:40:53',
      inet: '192.168.1.53/24',
      'ip-addresses': [{ 'ip-address': '192.168.1.53', 'ip-address-type': 'inet', prefix: 24 }],
    });
    expect(interfaces[0]).toMatchObject({ name: 'lo', inet: '127.0.0.1/8' });
  });

  it('answers the agent for file systems, host name and its own info', async () => {
    const fsinfo = await client.data('GET', '/nodes/pve1/qemu/100/agent/get-fsinfo');
    expect(fsinfo.result).toEqual([
      expect.objectContaining({ mountpoint: '/', type: 'ext4', 'total-bytes': Math.round(32 * 1024 ** 3 * 0.96) }),
    ]);
    expect(await client.data('GET', '/nodes/pve1/qemu/100/agent/get-host-name')).toEqual({
      result: { 'host-name': 'web-01' },
    });
    const info = await client.data('GET', '/nodes/pve1/qemu/100/agent/info');
    expect(info.result.version).toBe('8.2.2');
    expect(info.result.supported_commands).toContainEqual({
      name: 'guest-get-fsinfo',
      enabled: true,
      'success-response': true,
    });
    const paused = await client.call('GET', '/nodes/pve2/qemu/103/agent/get-host-name');
    expect(paused.reason).toBe("VM 103 qga command 'guest-get-host-name' failed - got timeout");
  });
});

describe('simulator reset and account facts', () => {
  it('resets a running VM as a qmreset task and refuses a stopped one', async () => {
    const scenario = smallScenario();
    scenario.guests![0]!.status = 'running';
    scenario.guests!.push({ vmid: 101, type: 'qemu', node: 'pve1' });
    const client = await startClient(scenario);
    try {
      const upid = await client.post('/nodes/pve1/qemu/100/status/reset');
      expect(upid).toContain(':qmreset:100:');
      expect(await client.taskStatus('pve1', upid)).toMatchObject({ exitstatus: 'OK' });
      const stopped = await client.call('POST', '/nodes/pve1/qemu/101/status/reset');
      expect(stopped.reason).toBe('VM 101 not running');
    } finally {
      await client.close();
    }
  });

  it('reports second factors and tokens without privilege separation from the scenario', async () => {
    const client = await startClient(
      smallScenario({
        access: {
          tokens: [{ id: 'root@pam!sim' }, { id: 'ops@pve!ansible', privsep: false, comment: 'automation' }],
          users: [{ userid: 'root@pam', tfa: ['totp', 'recovery'] }, { userid: 'ops@pve' }],
        },
      }),
    );
    try {
      const tfa = await client.data('GET', '/access/tfa');
      expect(tfa).toEqual([
        {
          userid: 'root@pam',
          entries: [
            expect.objectContaining({ type: 'totp', id: expect.stringMatching(/^totp-[0-9a-f-]{36}$/), enable: 1 }),
            expect.objectContaining({ type: 'recovery', id: 'recovery' }),
          ],
        },
      ]);
      expect(await client.data('GET', '/access/users/ops@pve/token')).toEqual([
        { tokenid: 'ansible', privsep: 0, expire: 0, comment: 'automation' },
      ]);
    } finally {
      await client.close();
    }
  });
});
