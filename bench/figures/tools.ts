import { toChatToolSpecs } from '../../src/core/tool-specs.js';
import { generateScenario } from '../../src/sim/index.js';
import { proxmoxTools } from '../../tools/index.js';
import { startPipeline } from '../../harness/pipeline.js';
import { round, type BenchSuite } from '../figure.js';

/**
 * listVmsCompactionRatio: raw `/cluster/resources?type=vm` JSON against the
 * text list_vms hands the model (through the pipeline), for 500 guests in one
 * page, side by side. toolDescriptionTokens: the default tools as the model sees them (bytes/4).
 */
export const toolFigures: BenchSuite = {
  name: 'tools',
  async measure() {
    const pipeline = await startPipeline({ scenario: generateScenario({ guests: 500, nodes: 8 }) });
    try {
      const raw = JSON.stringify(await pipeline.api.readRaw('/cluster/resources', { type: 'vm' }));
      const listed = await pipeline.call('list_vms', { limit: 500 });
      const specs = JSON.stringify(toChatToolSpecs(proxmoxTools));
      return {
        listVmsCompactionRatio: {
          value: round(Buffer.byteLength(raw) / Buffer.byteLength(listed.text), 2),
          unit: 'ratio',
          goal: '>= 5',
        },
        toolDescriptionTokens: { value: Math.round(Buffer.byteLength(specs) / 4), unit: 'tokens' },
      };
    } finally {
      await pipeline.close();
    }
  },
};
