import fs from 'node:fs';
import path from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

/** The texts of the MCP prompts, read once from `prompts/` (Markdown; `{{vmid}}` is filled in). */
export interface PromptTexts {
  diagnoseVm: string;
  clusterHealth: string;
}

export function loadPromptTexts(promptsDir: string): PromptTexts {
  const read = (file: string) => fs.readFileSync(path.join(promptsDir, file), 'utf8').trim();
  return { diagnoseVm: read('diagnose_vm.md'), clusterHealth: read('cluster_health.md') };
}

/** `diagnose_vm` (vmid) and `cluster_health`: ready-made requests built on the read tools. */
export function registerPrompts(server: McpServer, texts: PromptTexts): void {
  server.registerPrompt(
    'diagnose_vm',
    {
      title: 'Diagnose a VM or container',
      description:
        'Why is this guest failing? Gathers the evidence with diagnose_vm and the read tools, then names the cause, the log line and the fix.',
      argsSchema: {
        vmid: z
          .string()
          .regex(/^\d{3,9}$/, 'a VM or container id such as 101')
          .describe('VM or container id, e.g. 101'),
      },
    },
    ({ vmid }) => userPrompt(texts.diagnoseVm.replaceAll('{{vmid}}', vmid)),
  );
  server.registerPrompt(
    'cluster_health',
    {
      title: 'Cluster health check',
      description: 'What needs attention in this cluster: nodes, storage, guests and failed tasks, most urgent first.',
    },
    () => userPrompt(texts.clusterHealth),
  );
}

function userPrompt(text: string): GetPromptResult {
  return { messages: [{ role: 'user', content: { type: 'text', text } }] };
}
