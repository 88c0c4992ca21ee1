import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile, type Scenario } from '../../../src/sim/index.js';

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/scenarios');

/** A scenario of test/fixtures/scenarios by name. */
export function fixture(name: string): Scenario {
  return loadScenarioFile(path.join(folder, `${name}.yaml`));
}
