import type { ProxmoxApi } from '../../../src/core/ports/proxmox-api.js';
import type { ToolContext } from '../../../src/core/tool.js';
import { EvidenceReader } from '../../../src/diagnose/evidence-reader.js';
import { createProxmoxClient } from '../../../src/proxmox/client.js';
import { toProxmoxApi } from '../../../src/proxmox/proxmox-api-adapter.js';
import { demoScenarioPath, loadScenarioFile, startSimulator, type Scenario } from '../../../src/sim/index.js';

/** The real simulator over HTTPS with the real client, its certificate pinned, as `--demo` does it. */
export interface LiveCluster {
  api: ProxmoxApi;
  context(): ToolContext;
  reader(): EvidenceReader;
  close(): Promise<void>;
}

export async function startCluster(scenario: Scenario): Promise<LiveCluster> {
  const sim = await startSimulator({ scenario });
  const client = createProxmoxClient({
    name: 'test',
    url: sim.url,
    tokenId: sim.tokenId,
    tokenSecret: sim.tokenSecret,
    fingerprint: sim.fingerprint,
  });
  const api = toProxmoxApi(client);
  const signal = new AbortController().signal;
  return {
    api,
    context: () => ({
      proxmox: api,
      profile: 'test',
      signal,
      progress: () => undefined,
      now: () => new Date('2026-11-20T03:00:00Z'),
    }),
    reader: () => new EvidenceReader(api, signal),
    async close() {
      await client.close();
      await sim.close();
    },
  };
}

export function startDemoCluster(): Promise<LiveCluster> {
  return startCluster(loadScenarioFile(demoScenarioPath()));
}
