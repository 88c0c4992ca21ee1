import type { UpidString } from '../../src/proxmox/schemas/index.js';
import type { Target, ToolContext, ToolResult } from '../../src/core/tool.js';
import { fenceAsData } from '../../src/core/fence.js';
import { guestLabel } from './guests.js';

const tailLines = 15;

/**
 * Starts a Proxmox task on a guest (power action, snapshot, rollback), waits
 * for its end and reports the real outcome, with the failing lines when it failed.
 */
export async function runGuestTask(
  ctx: ToolContext,
  target: Target,
  action: string,
  start: () => Promise<UpidString>,
): Promise<ToolResult> {
  const label = guestLabel(target);
  const upid = await start();
  ctx.progress(`${action} ${label}: task started`);
  const task = await ctx.proxmox.tasks.follow(upid, {
    signal: ctx.signal,
    onProgress: ({ newLines }) => newLines.forEach((line) => ctx.progress(line)),
  });
  const structured = { upid, node: task.node, status: task.status, exitStatus: task.exitStatus, vmid: target.vmid };
  if (task.status === 'ok') {
    return {
      text: `${action} ${label} on ${target.node}: OK (task ${upid})`,
      summary: `${action} ${label}: OK`,
      structured,
    };
  }
  const tail = task.log.slice(-tailLines);
  return {
    failed: true,
    text: `${action} ${label} on ${target.node} FAILED\ntask ${upid}, exit status and last ${tail.length} log lines:\n${fenceAsData(`task log of ${upid}`, [`exit status: ${task.exitStatus}`, ...tail])}`,
    summary: `${action} ${label} failed: ${task.exitStatus}`,
    structured: { ...structured, log: tail },
  };
}
