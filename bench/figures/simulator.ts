import { Agent, fetch } from 'undici';
import { stringify } from 'yaml';
import { generateScenario, parseScenario, startSimulator } from '../../src/sim/index.js';
import { summarise, type BenchSuite } from '../figure.js';

/**
 * The simulator at scale: loading a generated 5,000-guest, 32-node
 * scenario (parse, validate, build, certificate, listen) and answering
 * /cluster/resources over HTTPS (request to parsed JSON, gzip as clients ask).
 */
export const simulatorFigures: BenchSuite = {
  name: 'simulator at 5,000 guests',
  async measure({ full }) {
    const scenario = generateScenario({ guests: 5000, nodes: 32 });
    const json = JSON.stringify(scenario);
    const yaml = stringify(scenario);
    const loads = await sampleLoads(json, 'generated.json', full ? 10 : 3);
    const yamlLoads = await sampleLoads(yaml, 'generated.yaml', full ? 5 : 1);
    const sim = await startSimulator({ scenario: parseScenario(json, 'generated.json') });
    const dispatcher = new Agent({ connect: { ca: sim.certificatePem } });
    const headers = { authorization: `PVEAPIToken=${sim.tokenId}=${sim.tokenSecret}`, 'accept-encoding': 'gzip' };
    const answers: number[] = [];
    const rounds = full ? 60 : 20;
    for (let round = -3; round < rounds; round++) {
      const start = performance.now();
      const response = await fetch(`${sim.url}/api2/json/cluster/resources`, { headers, dispatcher });
      const body = (await response.json()) as { data: unknown[] };
      if (body.data.length < 5000) throw new Error(`expected 5,000+ resources, got ${body.data.length}`);
      if (round >= 0) answers.push(performance.now() - start);
    }
    await dispatcher.close();
    await sim.close();
    return {
      simLoad5000Ms: { ...summarise(loads, 'ms'), goal: '< 2000' },
      simLoad5000YamlMs: summarise(yamlLoads, 'ms'),
      simResources5000Ms: { ...summarise(answers, 'ms'), goal: '< 100' },
    };
  },
};

async function sampleLoads(text: string, name: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const sim = await startSimulator({ scenario: parseScenario(text, name) });
    samples.push(performance.now() - start);
    await sim.close();
  }
  return samples;
}
