import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { defineTool, type AnyTool, type Risk } from '../../src/core/tool.js';
import { externalToolRisk, isExternalToolName } from '../../src/policy/index.js';
import { fenceAsData } from '../../src/core/fence.js';
import { inputFromJsonSchema } from './json-schema-input.js';
import { resultLines } from './result-text.js';

/** The scheduler's own time limit (signal) stops a call first; this only keeps the SDK's 60 s default from cutting long ones. */
const requestTimeoutMs = 3_600_000;

/**
 * One tool of an external MCP server as a tool of ours, `<server>__<tool>`:
 * it goes through the same scheduler (policy, confirmation, redaction, audit)
 * as the Proxmox tools. Undefined when the name cannot be made a valid one.
 */
export function externalTool(server: string, tool: Tool, client: Pick<Client, 'callTool'>): AnyTool | undefined {
  const name = `${server}__${tool.name}`;
  if (!isExternalToolName(name) || name.length > 128) return undefined;
  return defineTool<Record<string, unknown>>({
    name,
    title: `${server}: ${tool.title ?? tool.annotations?.title ?? tool.name}`,
    description: `[external MCP server ${server}] ${(tool.description ?? tool.name).slice(0, 1000)}`,
    input: inputFromJsonSchema(tool.inputSchema),
    risk: externalRisk(tool),
    target: async (_args, ctx) => ({ profile: ctx.profile, ...(ctx.cluster ? { cluster: ctx.cluster } : {}) }),
    async run(args, ctx) {
      const result = (await client.callTool({ name: tool.name, arguments: args }, undefined, {
        signal: ctx.signal,
        timeout: requestTimeoutMs,
        onprogress: (progress) =>
          ctx.progress(progress.message ?? `${progress.progress}${progress.total ? `/${progress.total}` : ''}`),
      })) as CallToolResult;
      const lines = resultLines(result.content ?? []);
      const failed = result.isError === true;
      const first =
        lines
          .find((line) => line.trim() !== '')
          ?.trim()
          .slice(0, 120) ?? '';
      return {
        // Safety: an external server's answer is outside text, handed to the model as data.
        text: fenceAsData(`MCP server ${server} (${tool.name})`, lines),
        summary: `${name} ${failed ? 'failed' : 'ok'}${first ? `: ${first}` : ''}`,
        ...(result.structuredContent ? { structured: result.structuredContent } : {}),
        ...(failed ? { failed } : {}),
      };
    },
  });
}

/**
 * Safety: an external server's annotations are its own claims. They may
 * raise the risk (destructiveHint), never lower it below externalToolRisk.
 */
function externalRisk(tool: Tool): Risk {
  return tool.annotations?.destructiveHint === true ? 'destructive' : externalToolRisk;
}
