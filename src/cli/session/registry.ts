import { ToolRegistry } from '../../core/registry.js';
import type { AnyTool } from '../../core/tool.js';
import { proxmoxTools } from '../../../tools/index.js';

/** The built-in tools, plus any extra ones (external MCP servers' tools). */
export function builtInRegistry(extra: readonly AnyTool[] = []): ToolRegistry {
  return new ToolRegistry([...proxmoxTools, ...extra]);
}
