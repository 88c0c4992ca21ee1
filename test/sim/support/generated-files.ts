import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../../../src/config/package-info.js';
import { routes } from '../../../src/sim/api/routes.js';
import { scenarioSchema } from '../../../src/sim/scenario/schema.js';

/** The generated files the simulator ships, and how to rebuild them (`UPDATE_SIM_FILES=1 npx vitest run test/sim/generated-files.test.ts`). */

export const referenceSchemaFile = path.join(packageRoot(), 'test', 'fixtures', 'reference', 'pve-api-schema.json');
export const endpointsFile = path.join(packageRoot(), 'src', 'sim', 'api', 'pve-endpoints.json');
export const scenarioSchemaFile = path.join(packageRoot(), 'scenarios', 'scenario.schema.json');

const keptParamKeys = [
  'type',
  'format',
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'maxLength',
  'optional',
  'requires',
] as const;

interface ReferenceEndpoint {
  method: string;
  path: string;
  proxyto: string | null;
  allowtoken: boolean;
  permissions: { check?: unknown; user?: string } | null;
  parameters: Record<string, Record<string, unknown>>;
}

/** The schema entries of the routes the simulator serves, with what validation and permission checks need. */
export function extractEndpoints(referenceText: string): string {
  const reference = JSON.parse(referenceText) as { schemaVersion: string; endpoints: ReferenceEndpoint[] };
  const wanted = new Set(routes.map((route) => `${route.method} ${route.template}`));
  const endpoints = reference.endpoints
    .filter((endpoint) => wanted.has(`${endpoint.method} ${endpoint.path}`))
    .map((endpoint) => ({
      method: endpoint.method,
      path: endpoint.path,
      proxyto: endpoint.proxyto,
      allowtoken: endpoint.allowtoken,
      permissions: endpoint.permissions === null ? null : pick(endpoint.permissions, ['check', 'user']),
      parameters: Object.fromEntries(
        Object.entries(endpoint.parameters).map(([name, spec]) => {
          const kept = pick(spec, keptParamKeys);
          if (typeof kept.format !== 'string') delete kept.format;
          return [name, kept];
        }),
      ),
    }));
  return `${JSON.stringify({ source: `pve-api-schema.json (${reference.schemaVersion})`, endpoints }, null, 2)}\n`;
}

export function buildScenarioJsonSchema(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  const document = {
    $schema: schema.$schema,
    $id: 'https://proxmox-ai.invalid/scenarios/scenario.schema.json',
    title: 'proxmox-ai simulator scenario',
    description: 'A Proxmox VE cluster for the proxmox-ai simulator; see docs/scenarios.md.',
    ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema')),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function pick<T extends Record<string, unknown>>(source: T, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}
