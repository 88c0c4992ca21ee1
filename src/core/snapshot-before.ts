import type { AuditEntry } from '../audit/index.js';
import type { Target, ToolContext } from './tool.js';

export interface SnapshotBeforeOptions {
  mode: true | 'best-effort';
  target: Target;
  session: string;
  seq: number;
  context: ToolContext;
  record(entry: Partial<AuditEntry>): Promise<{ seq: number }>;
}

/** `pai-<session>-<seq>`: a valid Proxmox snapshot name of at most 40 characters. */
export function undoSnapshotName(session: string, seq: number): string {
  return `pai-${session.replace(/[^A-Za-z0-9]/g, '')}-${seq}`.slice(0, 40);
}

/**
 * Snapshots the guest before a change so `proxmox-ai undo` can roll it back.
 * With `true` a failure stops the call (fail closed); with `best-effort` it is
 * recorded and the call goes on.
 */
export async function takeSnapshotBefore({
  mode,
  target,
  session,
  seq,
  context,
  record,
}: SnapshotBeforeOptions): Promise<void> {
  const name = undoSnapshotName(session, seq);
  let failure: string | undefined;
  if (target.vmid === undefined || !target.node || !target.guestType) {
    failure = 'the call has no single guest to snapshot';
  } else {
    try {
      const upid = await context.proxmox.guests.createSnapshot(
        { node: target.node, type: target.guestType, vmid: target.vmid },
        { snapname: name, description: `taken by proxmox-ai before call ${seq}` },
        { signal: context.signal },
      );
      const task = await context.proxmox.tasks.follow(upid, { signal: context.signal });
      if (task.status !== 'ok') failure = task.exitStatus;
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
  }
  await record({
    kind: 'result',
    origin: 'internal',
    tool: 'snapshot_vm',
    parentSeq: seq,
    target,
    args: { vmid: target.vmid, node: target.node, name },
    outcome: failure
      ? { status: 'failed', summary: `undo snapshot ${name} not taken: ${failure}` }
      : { status: 'ok', summary: `undo snapshot ${name}` },
  });
  if (failure && mode === true)
    throw new Error(`the undo snapshot required by policy could not be taken (${failure}); the change was not made`);
}
