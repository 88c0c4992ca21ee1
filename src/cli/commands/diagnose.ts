import { UsageError } from '../../shared/errors.js';
import type { ToolOutcome } from '../../core/call-outcome.js';
import type { CommandContext } from '../io.js';
import { openCluster } from '../session/open-cluster.js';
import { openToolSession } from '../session/open-tool-session.js';
import { runDiagnose, type DiagnoseRequest } from './diagnose-output.js';

/** `proxmox-ai diagnose VMID [--node NODE] [--json] | diagnose --all [--json]`: the request, wired to a session. */
export async function diagnose(
  ctx: CommandContext,
  vmid: string | undefined,
  flags: { node?: string; all?: boolean; json?: boolean },
): Promise<number> {
  const request = diagnoseRequest(vmid, flags);
  const cluster = await openCluster(ctx);
  try {
    const session = await openToolSession(ctx, cluster, { origin: 'cli' });
    const outcomes: ToolOutcome[] = [];
    try {
      return await runDiagnose(ctx, request, async (tool, args) => {
        outcomes.push(await session.call({ tool, args }));
        return outcomes.at(-1)!;
      });
    } finally {
      await session.end(`diagnose ${request.all ? '--all' : request.vmid}: ${outcomes[0]?.status ?? 'not run'}`);
    }
  } finally {
    await cluster.close();
  }
}

export function diagnoseRequest(
  vmid: string | undefined,
  flags: { node?: string; all?: boolean; json?: boolean },
): DiagnoseRequest {
  const json = Boolean(flags.json);
  const node = flags.node === undefined ? {} : { node: flags.node };
  if (flags.all) {
    if (vmid !== undefined) throw new UsageError('give a VMID or --all, not both');
    return { all: true, json, ...node };
  }
  if (vmid === undefined) throw new UsageError("give the VMID to diagnose (e.g. 'proxmox-ai diagnose 101'), or --all");
  if (!/^\d+$/.test(vmid)) throw new UsageError(`'${vmid}' is not a VMID; use the number, e.g. 101`);
  return { all: false, vmid: Number(vmid), json, ...node };
}
