import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ToolOutcome } from '../../src/core/call-outcome.js';
import { loadScenarioFile } from '../../src/sim/index.js';
import { ScriptedApprover, startPipeline, type PipelineOptions } from '../../harness/pipeline.js';

/** The per-tool tests' cluster: test/fixtures/tools-cluster.yaml (pve2 offline, guests that fail for known reasons). */
export function toolScenario() {
  return loadScenarioFile(path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tools-cluster.yaml'));
}

/** Its token that may only audit guests: no Sys.Audit on /, no Sys.Syslog on nodes. */
export const auditorToken = { id: 'auditor@pve!ro', secret: 'ro-secret-0000' };

/** The scenario's own token with a secret that was rotated away: every call answers 401. */
export const staleToken = { id: 'root@pam!sim', secret: 'rotated-away-0000' };

/** A user policy rule that denies `tool`, optionally only where the `where` YAML matches. */
export function denyRule(tool: string, where?: string): string {
  return `- id: no-${tool.replaceAll('_', '-')}\n  tools: ["${tool}"]\n${where ? `  where: ${where}\n` : ''}  verdict: deny\n`;
}

/** A person who approves every confirmation the call asks for. */
export function approvingPerson(): ScriptedApprover {
  return new ScriptedApprover(() => ({ approved: true, decidedBy: 'human' }));
}

/** The pipeline against the tools cluster. */
export function startToolPipeline(options: Omit<PipelineOptions, 'scenario'> = {}) {
  return startPipeline({ scenario: toolScenario(), ...options });
}

/** One call through a pipeline of its own (another token, other rules), closed afterwards. */
export async function callOnce(
  tool: string,
  args: Record<string, unknown>,
  options: Omit<PipelineOptions, 'scenario'>,
): Promise<ToolOutcome> {
  const pipeline = await startToolPipeline(options);
  try {
    return await pipeline.call(tool, args);
  } finally {
    await pipeline.close();
  }
}

export type Pipeline = Awaited<ReturnType<typeof startPipeline>>;
