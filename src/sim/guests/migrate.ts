import type { ApiCall } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import type { Cluster } from '../state/cluster.js';
import { configMemoryMiB, configNics } from '../../proxmox/schemas/property-string.js';
import { guestDisks } from '../state/guest-config.js';
import type { GuestState, NodeState } from '../state/model.js';
import type { TaskOutcome } from './start-outcome.js';
import { markRunning } from './transitions.js';
import { lockOutcome, startGuestTask } from './worker.js';

/**
 * POST /nodes/{node}/qemu/{vmid}/migrate, as qemu-server's migration runs:
 * checks that die at once, then a `qmigrate` task that copies local disks
 * (offline) or moves the running VM (online, which starts it on the target,
 * where a missing bridge or too little memory fails it). An HA-managed VM is
 * handed to the HA stack instead.
 */
export function migrateQemu(call: ApiCall, guest: GuestState): string {
  const { cluster } = call.sim;
  const targetName = String(call.params.target);
  if (targetName === guest.node) throw serverError('target is local node.');
  const target = cluster.nodes.get(targetName);
  if (!target) throw serverError(`no such cluster node '${targetName}'`);
  if (!target.online) throw serverError(`target node '${targetName}' is not online`);
  const online = call.params.online === 1;
  if (guest.running && !online) throw serverError("can't migrate running VM without --online");
  const locked = lockOutcome(guest, false);
  if (locked.exitstatus !== 'OK') throw serverError(locked.exitstatus);
  const move = (at: number) => {
    guest.node = target.name;
    guest.lock = null;
    if (guest.running) markRunning(cluster, guest, at);
  };
  if (guest.ha) {
    return startGuestTask(call, guest, {
      type: 'hamigrate',
      outcome: { lines: [`Requesting HA migration for VM ${guest.vmid} to node ${target.name}`], exitstatus: 'OK' },
      effect: move,
    });
  }
  const outcome = migrationOutcome(cluster, guest, target, guest.running && online);
  if (outcome.exitstatus === 'OK') guest.lock = 'migrate';
  return startGuestTask(call, guest, { type: 'qmigrate', outcome, effect: move });
}

function migrationOutcome(cluster: Cluster, guest: GuestState, target: NodeState, live: boolean): TaskOutcome {
  const source = cluster.nodes.get(guest.node)!;
  const lines = [`starting migration of VM ${guest.vmid} to node '${target.name}' (${target.ip})`];
  const abort = (why: string) => ({
    lines: [...lines, `ERROR: migration aborted (duration 00:00:00): ${why}`],
    exitstatus: 'migration aborted',
  });
  const local = guestDisks('qemu', guest.config).filter(
    (disk) => !disk.cdrom && source.storage.get(disk.storage)?.shared !== true,
  );
  for (const disk of local) {
    if (!target.storage.has(disk.storage))
      return abort(`storage '${disk.storage}' is not available on node '${target.name}'`);
    lines.push(`found local disk '${disk.volid}' (attached)`);
  }
  if (live) {
    const problem = remoteStartProblem(guest, target);
    lines.push(`starting VM ${guest.vmid} on remote node '${target.name}'`);
    if (problem)
      return {
        lines: [...lines, problem, 'ERROR: online migrate failure - remote command failed with exit code 255'],
        exitstatus: 'migration problems',
      };
    lines.push('start remote tunnel', 'migration status: completed');
  } else if (local.length > 0) {
    lines.push('copying local disk images');
  }
  lines.push('migration finished successfully (duration 00:00:12)');
  return { lines, exitstatus: 'OK' };
}

/** Why starting the VM on the target would fail, in QEMU's words. */
function remoteStartProblem(guest: GuestState, target: NodeState): string | undefined {
  const nic = configNics('qemu', guest.config).find(
    (candidate) => candidate.bridge !== undefined && !target.bridges.some((bridge) => bridge.name === candidate.bridge),
  );
  if (nic) return `bridge '${nic.bridge}' does not exist`;
  if (configMemoryMiB(guest.config) > target.memoryMiB)
    return "kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory";
  return undefined;
}
