import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../src/sim/api/routes.js';
import { endpointSpec } from '../../src/sim/api/endpoint-spec.js';
import {
  buildScenarioJsonSchema,
  endpointsFile,
  extractEndpoints,
  referenceSchemaFile,
  scenarioSchemaFile,
} from './support/generated-files.js';

const update = process.env.UPDATE_SIM_FILES === '1';

describe('generated simulator files', () => {
  it('ships scenarios/scenario.schema.json generated from the zod schema', () => {
    const expected = buildScenarioJsonSchema();
    if (update) fs.writeFileSync(scenarioSchemaFile, expected);
    expect(fs.readFileSync(scenarioSchemaFile, 'utf8')).toBe(expected);
  });

  it('ships the API schema extract of exactly the served endpoints', () => {
    const expected = extractEndpoints(fs.readFileSync(referenceSchemaFile, 'utf8'));
    if (update) fs.writeFileSync(endpointsFile, expected);
    expect(fs.readFileSync(endpointsFile, 'utf8')).toBe(expected);
  });

  it('has a schema entry for every route', () => {
    const missing = routes
      .filter((route) => !endpointSpec(route.method, route.template))
      .map((route) => `${route.method} ${route.template}`);
    expect(missing).toEqual([]);
  });
});
