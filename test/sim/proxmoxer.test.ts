import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from './support/sim-client.js';
import { startSimulator, type SimulatorHandle } from '../../src/sim/index.js';

// A third-party client: Debian's python3-proxmoxer, through its own HTTPS stack (requests), trusting the sim's CA.
const requireTools = process.env.PROXMOX_AI_REQUIRE_SYSTEM_TOOLS === '1';
const python = ['/usr/bin/python3', 'python3'].find((candidate) => {
  try {
    execFileSync(candidate, ['-c', 'import proxmoxer, requests'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
if (python === undefined) {
  if (requireTools)
    throw new Error(
      'python3-proxmoxer with python3-requests is required (PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1) but not installed',
    );
  console.warn(
    '!!! SKIPPED test/sim/proxmoxer.test.ts: python3-proxmoxer or python3-requests is not installed (apt-get install python3-proxmoxer python3-requests; set PROXMOX_AI_REQUIRE_SYSTEM_TOOLS=1 to make this a failure) !!!',
  );
}

const script = path.join(import.meta.dirname, 'support', 'proxmoxer_calls.py');

describe.skipIf(python === undefined)('the simulator through python3-proxmoxer', () => {
  let sim: SimulatorHandle;
  let dir: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let results: Record<string, any>;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: demoScenario(), taskDurationMs: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmoxer-'));
    const ca = path.join(dir, 'sim-ca.pem');
    fs.writeFileSync(ca, sim.certificatePem);
    const port = new URL(sim.url).port;
    const { stdout } = await promisify(execFile)(python!, [script, '127.0.0.1', port, sim.tokenSecret, ca], {
      timeout: 60_000,
    });
    results = JSON.parse(stdout) as Record<string, unknown>;
  }, 90_000);

  afterAll(async () => {
    await sim?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('walks the indexes', () => {
    expect(results.root).toContainEqual({ subdir: 'nodes' });
    expect(results.node_index).toContainEqual({ name: 'vzdump' });
    expect(results.vm_index).toContainEqual({ subdir: 'agent' });
  });

  it('reads backups, jobs and the guests no job covers, and starts a vzdump', () => {
    expect(results.content.map((volume: { vmid: number }) => volume.vmid)).toEqual(
      expect.arrayContaining([100, 101, 105]),
    );
    expect(results.jobs[0]).toMatchObject({ id: 'backup-nightly', enabled: 1 });
    expect(results.not_backed_up).toEqual([{ vmid: 104, type: 'qemu', name: 'analytics' }]);
    expect(results.vzdump_upid).toMatch(/^UPID:pve1:.*:vzdump:100:root@pam!sim:$/);
  });

  it('reads RRD data of a node, a storage, a VM and a container', () => {
    for (const key of ['node_rrd', 'storage_rrd', 'vm_rrd', 'ct_rrd']) expect(results[key]).toHaveLength(70);
    expect(results.storage_rrd[0]).toEqual({
      time: expect.any(Number),
      total: expect.any(Number),
      used: expect.any(Number),
    });
  });

  it('reads container interfaces, the guest agent, resets a VM', () => {
    expect(results.ct_interfaces[1]).toMatchObject({ name: 'eth0', inet: '192.168.1.53/24' });
    expect(results.fsinfo.result[0]).toMatchObject({ mountpoint: '/' });
    expect(results.host_name).toEqual({ result: { 'host-name': 'web-01' } });
    expect(results.agent_info.result.version).toBe('8.2.2');
    expect(results.reset_upid).toContain(':qmreset:100:');
  });

  it('reads pools, options, users, tokens, TFA, updates and the firewall', () => {
    expect(results.pools).toEqual([{ poolid: 'prod', comment: 'Production guests' }]);
    expect(results.options).toMatchObject({ keyboard: 'en-us' });
    expect(results.users[0]).toMatchObject({ userid: 'root@pam', tokens: [{ tokenid: 'sim', privsep: 1, expire: 0 }] });
    expect(results.tokens).toEqual([{ tokenid: 'sim', privsep: 1, expire: 0 }]);
    expect(results.tfa).toEqual([]);
    expect(results.updates.map((update: { Package: string }) => update.Package)).toEqual(['openssl', 'pve-manager']);
    expect(results.firewall).toMatchObject({ enable: 0 });
  });
});
