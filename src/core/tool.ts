import type { z } from 'zod';
import type { Preflight } from './preflight.js';
import type { IacPort } from './ports/iac.js';
import type { ProxmoxApi } from './ports/proxmox-api.js';
import type { NodeShell } from './ports/ssh.js';
import type { TurnReads } from './turn-reads.js';

export type Risk = 'read' | 'change' | 'destructive';

export const riskOrder: Record<Risk, number> = { read: 0, change: 1, destructive: 2 };

/** What a call acts on, resolved from the cluster (never from the model's words). */
export interface Target {
  profile: string;
  cluster?: string;
  node?: string;
  vmid?: number;
  name?: string;
  tags?: string[];
  guestType?: 'qemu' | 'lxc';
  /** What the confirmation shows besides the ids, resolved by the tool (a plan's changes, a check run's recap). */
  detail?: string;
}

/** A tool's answer: compact text for the model, structured content for MCP and the UI. */
export interface ToolResult {
  text: string;
  /** One line for the audit trail and tool cards. */
  summary: string;
  structured?: Record<string, unknown>;
  /** The action ran but did not succeed (e.g. a task ended in TASK ERROR). */
  failed?: boolean;
}

/** What a tool may use: adapters wired in src/cli, never clients of its own. */
export interface ToolContext {
  proxmox: ProxmoxApi;
  /** Terraform and Ansible (src/iac); absent when not wired. */
  iac?: IacPort;
  /** SSH to nodes (src/ssh); absent when the profile has no SSH settings. */
  nodeShell?: NodeShell;
  profile: string;
  cluster?: string;
  /** The profile's default node, if any. */
  defaultNode?: string;
  signal: AbortSignal;
  progress(message: string): void;
  now(): Date;
  /** In run(): the target the scheduler resolved, confirmed and decided on. */
  target?: Target;
  /** Reads shared by the calls of one agent turn; absent outside a turn (MCP, CLI, slash commands). */
  turnReads?: TurnReads;
  /** In run(): the preflight the confirmation showed, with the reads run() must act on. */
  preflight?: Preflight;
}

export interface ToolDefinition<A = Record<string, unknown>> {
  name: string;
  title: string;
  /** Written for a small model: when to use it, what it returns, argument formats in words. */
  description: string;
  input: z.ZodType<A>;
  risk: Risk;
  /** Calling it again with the same arguments changes nothing more (MCP's idempotentHint). */
  idempotent?: boolean;
  /** False for reads with effects (a saved plan, a check result): never answered from the read cache. */
  cacheable?: boolean;
  /** When the risk depends on the arguments; annotations then use `risk` as the highest. */
  riskFor?(args: A): Risk;
  target(args: A, ctx: ToolContext): Promise<Target>;
  /** Change tools: read-only checks run after the policy decision, before any confirmation (ctx.target is set). */
  preflight?(args: A, ctx: ToolContext): Promise<Preflight>;
  run(args: A, ctx: ToolContext): Promise<ToolResult>;
}

/** Any tool, whatever its argument type; used by the registry and the scheduler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDefinition<any>;

export function defineTool<A>(tool: ToolDefinition<A>): ToolDefinition<A> {
  return tool;
}

export function riskOf(tool: AnyTool, args: unknown): Risk {
  return tool.riskFor ? tool.riskFor(args) : tool.risk;
}
