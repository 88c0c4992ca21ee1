import { HclSyntaxError } from './hcl-lexer.js';
import type { HclBlock, HclItem } from './hcl-model.js';
import { parseHcl } from './hcl-parser.js';
import {
  providerBlockSchema,
  providerDocsVersion,
  resourceSchemas,
  terraformBlockSchema,
  type BlockSchema,
} from './provider-schema.js';

/**
 * Parses generated HCL back and compares every block and attribute name with
 * the provider's documented schema. Returns the problems found; none means
 * the text is well-formed and uses only names the provider documents.
 */
export function checkHcl(source: string): string[] {
  let items: HclItem[];
  try {
    items = parseHcl(source);
  } catch (error) {
    if (error instanceof HclSyntaxError) return [error.message];
    throw error;
  }
  const problems: string[] = [];
  for (const item of items) {
    if (item.kind === 'attribute') {
      problems.push(`top-level attribute '${item.name}' is not allowed`);
      continue;
    }
    const schema = topLevelSchema(item, problems);
    if (schema) checkBody(item, schema, blockPath(item), problems);
  }
  const provider = items.find((item): item is HclBlock => item.kind === 'block' && item.type === 'provider');
  if (provider) checkProviderSafety(provider, problems);
  return problems;
}

function topLevelSchema(item: HclBlock, problems: string[]): BlockSchema | undefined {
  if (item.type === 'terraform' && item.labels.length === 0) return terraformBlockSchema;
  if (item.type === 'provider' && item.labels.length === 1 && item.labels[0] === 'proxmox') return providerBlockSchema;
  if (item.type === 'resource' && item.labels.length === 2) {
    const schema = resourceSchemas[item.labels[0]!];
    if (!schema) problems.push(`resource type '${item.labels[0]}' is not one we generate`);
    return schema;
  }
  problems.push(`unexpected top-level block ${blockPath(item)}`);
  return undefined;
}

function checkBody(item: HclBlock, schema: BlockSchema, where: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const child of item.body) {
    if (child.kind === 'attribute') {
      if (seen.has(child.name)) problems.push(`${where}: attribute '${child.name}' is set twice`);
      seen.add(child.name);
      if (!schema.attributes.includes(child.name))
        problems.push(`${where}: '${child.name}' is not a documented attribute (bpg/proxmox ${providerDocsVersion})`);
      continue;
    }
    const inner = schema.blocks?.[child.type];
    if (!inner || child.labels.length > 0) {
      problems.push(`${where}: '${child.type}' is not a documented block (bpg/proxmox ${providerDocsVersion})`);
      continue;
    }
    checkBody(child, inner, `${where}.${child.type}`, problems);
  }
}

// Safety: the configuration on disk must never carry a secret or switch TLS verification off.
function checkProviderSafety(provider: HclBlock, problems: string[]): void {
  for (const child of provider.body) {
    if (child.kind !== 'attribute') continue;
    if (child.name === 'api_token' || child.name === 'password')
      problems.push(`provider block must not inline '${child.name}'; it comes from the environment`);
    if (child.name === 'insecure' && child.value !== false)
      problems.push('provider block must not set insecure = true; TLS is always verified');
  }
}

function blockPath(item: HclBlock): string {
  return [item.type, ...item.labels].join('.');
}
