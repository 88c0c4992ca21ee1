import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProblems } from '../../src/diagnose/find-problems.js';
import { generateScenario } from '../../src/sim/index.js';
import { startCluster, startDemoCluster, type LiveCluster } from './support/cluster.js';

describe('find_problems on the demo', () => {
  let cluster: LiveCluster;

  beforeAll(async () => {
    cluster = await startDemoCluster();
  });

  afterAll(async () => {
    await cluster.close();
  });

  it('reads task logs only of the guests that show trouble', async () => {
    const reader = cluster.reader();
    await findProblems(reader);
    const logs = reader.reads.filter((read) => read.includes('/log?'));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((read) => /qmstart%3A10[1-4]%3A|vzdump%3A10[23]%3A/.test(read))).toBe(true);
    expect(reader.reads.some((read) => /\/(qemu|lxc)\/(100|105|200)\//.test(read))).toBe(false);
  });

  it('keeps to one node when asked', async () => {
    const report = await findProblems(cluster.reader(), { node: 'pve1' });
    expect(report.nodes).toEqual([]);
    expect(report.guests.map((guest) => guest.vmid).sort()).toEqual([101, 104]);
  });
});

describe('find_problems on a cluster without problems', () => {
  it('says nothing', async () => {
    const cluster = await startCluster(generateScenario({ guests: 40, nodes: 3 }));
    try {
      expect(await findProblems(cluster.reader())).toEqual({ nodes: [], guests: [] });
    } finally {
      await cluster.close();
    }
  });
});

describe('find_problems with a node down and quorum lost', () => {
  it('reports the offline node and the lost quorum, not its unreachable guests', async () => {
    const scenario = generateScenario({ guests: 12, nodes: 3 });
    scenario.quorate = false;
    scenario.nodes[2]!.status = 'offline';
    const cluster = await startCluster(scenario);
    try {
      const report = await findProblems(cluster.reader());
      expect(report.nodes).toEqual([
        { node: 'pve1', findings: [expect.objectContaining({ id: 'cluster-no-quorum', confidence: 'confirmed' })] },
        { node: 'pve3', findings: [expect.objectContaining({ id: 'node-offline', category: 'cluster' })] },
      ]);
      expect(report.guests).toEqual([]);
    } finally {
      await cluster.close();
    }
  });
});
