import { EvidenceReader } from '../../src/diagnose/evidence-reader.js';
import { checkCluster } from '../../src/health/check-cluster.js';
import { createProxmoxClient } from '../../src/proxmox/client.js';
import { toProxmoxApi } from '../../src/proxmox/proxmox-api-adapter.js';
import { generateScenario, startSimulator, type Scenario } from '../../src/sim/index.js';
import { summarise, type BenchSuite } from '../figure.js';

const guestCount = 5000;
const nodeCount = 20;

/**
 * `find_problems` over the simulator (HTTPS, real client) on 5,000 guests, one in 250 of them in trouble:
 * the diagnosis of nodes and guests plus the backup, capacity and posture checks.
 */
export const diagnoseBench: BenchSuite = {
  name: 'find problems on 5,000 guests',
  async measure({ full }) {
    const sim = await startSimulator({ scenario: troubledScenario() });
    const client = createProxmoxClient({
      name: 'bench',
      url: sim.url,
      tokenId: sim.tokenId,
      tokenSecret: sim.tokenSecret,
      fingerprint: sim.fingerprint,
    });
    const api = toProxmoxApi(client);
    const signal = new AbortController().signal;
    try {
      const once = async () => {
        const started = performance.now();
        const report = await checkCluster(api, new EvidenceReader(api, signal), { signal });
        if (report.guests.length === 0) throw new Error('the bench scenario should show troubled guests');
        return performance.now() - started;
      };
      await once();
      const samples: number[] = [];
      for (let run = 0; run < (full ? 10 : 3); run++) samples.push(await once());
      return { findProblems5000Ms: { ...summarise(samples, 'ms'), goal: '<= 1000' } };
    } finally {
      await client.close();
      await sim.close();
    }
  },
};

/** The generated cluster with a few guests broken the common ways: missing bridge, stale lock, too much memory, full pool. */
function troubledScenario(): Scenario {
  const scenario = generateScenario({ guests: guestCount, nodes: nodeCount });
  const guests = scenario.guests ?? [];
  guests.forEach((guest, index) => {
    if (index % 250 !== 7 || guest.type !== 'qemu') return;
    const kind = Math.floor(index / 250) % 3;
    const config = { ...guest.config };
    if (kind === 0) {
      config.net0 = String(config.net0).replace('bridge=vmbr0', 'bridge=vmbr9');
      guest.status = 'stopped';
      guest.tasks = [
        {
          type: 'qmstart',
          startedAt: '2026-11-20T02:00:00Z',
          log: ["bridge 'vmbr9' does not exist", 'TASK ERROR: start failed: QEMU exited with code 1'],
        },
      ];
    } else if (kind === 1) {
      guest.lock = 'backup';
    } else {
      config.memory = String(600 * 1024);
      guest.status = 'stopped';
    }
    guest.config = config;
  });
  const first = scenario.nodes[0]!;
  first.storage = (first.storage ?? []).map((storage) =>
    storage.id === 'local-lvm' ? { ...storage, usedGiB: storage.totalGiB } : storage,
  );
  return scenario;
}
