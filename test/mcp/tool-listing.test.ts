import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { listedTool } from '../../mcp/index.js';
import { defineTool, type Risk } from '../../src/core/tool.js';

function tool(name: string, risk: Risk, input: z.ZodType = z.object({}).strict()) {
  return defineTool({
    name,
    title: `Title of ${name}`,
    description: `About ${name}.`,
    input,
    risk,
    target: async () => ({ profile: 'p' }),
    run: async () => ({ text: '', summary: '' }),
  });
}

describe('tools as tools/list shows them', () => {
  it('derives the annotations from the risk, sending only hints that differ from the MCP defaults', () => {
    expect([
      listedTool(tool('read_it', 'read')).annotations,
      listedTool(tool('change_it', 'change')).annotations,
      listedTool(tool('wreck_it', 'destructive')).annotations,
    ]).toEqual([
      { readOnlyHint: true, openWorldHint: false },
      { destructiveHint: false, openWorldHint: false },
      { openWorldHint: false },
    ]);
  });

  it('marks the tools of external servers as open-world', () => {
    expect(listedTool(tool('files__read', 'change')).annotations?.openWorldHint).toBe(true);
  });

  it('publishes types, ranges, defaults and required fields, without $schema, regex patterns or zod safe-integer bounds', () => {
    const input = z
      .object({
        vmid: z.coerce.number().int().min(100),
        node: z
          .string()
          .regex(/^pve\d$/)
          .optional(),
        count: z.number().int().default(1),
        pattern: z.string(),
      })
      .strict();
    expect(listedTool(tool('shape', 'read', input)).inputSchema).toEqual({
      type: 'object',
      properties: {
        vmid: { type: 'integer', minimum: 100 },
        node: { type: 'string' },
        count: { type: 'integer', default: 1 },
        pattern: { type: 'string' },
      },
      required: ['vmid', 'pattern'],
      additionalProperties: false,
    });
  });
});
