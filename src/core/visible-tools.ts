import { isHidden, type PolicyMode, type PolicyRule } from '../policy/index.js';
import type { ToolRegistry } from './registry.js';
import type { AnyTool, Risk } from './tool.js';

const ladder: Risk[] = ['read', 'change', 'destructive'];

/**
 * The tools a model or MCP client is shown: read-only mode and unconditional
 * denies hide the rest (docs/architecture.md, "Policy"). Sorted by name.
 */
export function visibleTools(
  registry: ToolRegistry,
  rules: readonly PolicyRule[],
  mode: PolicyMode,
  actor?: string,
): AnyTool[] {
  return registry.list().filter((tool) => !isHidden(tool.name, possibleRisks(tool), rules, mode, actor));
}

/** A tool with riskFor() may run at any risk up to its declared (highest) one. */
function possibleRisks(tool: AnyTool): Risk[] {
  return tool.riskFor ? ladder.slice(0, ladder.indexOf(tool.risk) + 1) : [tool.risk];
}
