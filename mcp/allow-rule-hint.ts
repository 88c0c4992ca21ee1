import type { ConfirmRequest } from '../src/core/approver.js';

/**
 * The policy rule that would let this call through without asking, as one
 * line of policy.yaml (flow style), e.g.
 * `- {id: allow-start_vm-105, tools: [start_vm], where: {vmid: [105]}, verdict: allow}`.
 * Narrow on purpose: this tool on this guest (or node) only.
 */
export function allowRuleHint(request: ConfirmRequest): string {
  const { target, tool } = request;
  const where =
    target.vmid !== undefined ? `{vmid: [${target.vmid}]}` : target.node ? `{node: "${target.node}"}` : undefined;
  const id =
    `allow-${tool}${target.vmid !== undefined ? `-${target.vmid}` : target.node ? `-${target.node}` : ''}`.slice(0, 64);
  return `- {id: ${id}, tools: [${tool}]${where ? `, where: ${where}` : ''}, verdict: allow}`;
}

/** Why a client without elicitation is refused, and the rule that would allow the call. */
export function noElicitationNote(request: ConfirmRequest): string {
  return (
    'this MCP client cannot show confirmations (it has no elicitation capability). ' +
    `To allow this call without confirmation, add this rule to policy.yaml (user rules come before the defaults): ${allowRuleHint(request)}`
  );
}

/** Why typed confirmation is refused over MCP unless mcp.trustElicitation is set. */
export function typedNotTrustedNote(request: ConfirmRequest): string {
  return (
    'typed confirmation is not taken from MCP clients, which can answer without a human. ' +
    `Confirm it in the proxmox-ai TUI, or let MCP clients answer it with 'proxmox-ai config set mcp.trustElicitation true', ` +
    `or allow the call outright in policy.yaml: ${allowRuleHint(request)}`
  );
}
