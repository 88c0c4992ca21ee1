import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { createProxmoxClient } from '../../src/proxmox/index.js';
import { toProxmoxApi } from '../../src/proxmox/proxmox-api-adapter.js';
import { generateScenario, startSimulator } from '../../src/sim/index.js';
import { listVms } from '../../tools/list_vms.js';
import { proxmoxTools } from '../../tools/index.js';
import { round, type BenchSuite } from '../figure.js';

/**
 * listVmsCompactionRatio: raw `/cluster/resources?type=vm` JSON against the
 * text list_vms hands the model, for 500 guests in one page, side by side.
 * toolDescriptionTokens: the built-in tools as the model sees them (bytes/4).
 */
export const toolFigures: BenchSuite = {
  name: 'tools',
  async measure() {
    const sim = await startSimulator({ scenario: generateScenario({ guests: 500, nodes: 8 }) });
    const client = createProxmoxClient({ name: 'bench', url: sim.url, tokenId: sim.tokenId, tokenSecret: sim.tokenSecret, fingerprint: sim.fingerprint });
    try {
      const api = toProxmoxApi(client);
      const raw = JSON.stringify(await api.get('/cluster/resources', { type: 'vm' }));
      const context = { proxmox: api, profile: 'bench', signal: new AbortController().signal, progress: () => undefined, now: () => new Date() };
      const result = await listVms.run(listVms.input.parse({ limit: 500 }), context);
      const specs = JSON.stringify(toChatToolSpecs(proxmoxTools));
      return {
        listVmsCompactionRatio: { value: round(Buffer.byteLength(raw) / Buffer.byteLength(result.text), 2), unit: 'ratio', goal: '>= 5' },
        toolDescriptionTokens: { value: Math.round(Buffer.byteLength(specs) / 4), unit: 'tokens' },
      };
    } finally {
      await client.close();
      await sim.close();
    }
  },
};
