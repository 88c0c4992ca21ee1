import type { Cluster } from '../state/cluster.js';
import { configMemoryMiB, configNics } from '../../proxmox/schemas/property-string.js';
import { guestDisks } from '../state/guest-config.js';
import type { GuestState, NodeState } from '../state/model.js';

/** How a worker task ends: its output lines and `OK` or the error text of its `TASK ERROR:` line. */
export interface TaskOutcome {
  lines: string[];
  exitstatus: string;
}

const qemuExited = 'start failed: QEMU exited with code 1';
const startTypes = new Set(['qmstart', 'vzstart']);
/** Failures that depend on state the simulator derives itself; history never replays them. */
const derivedOnly =
  /already running|is locked|template|does not exist|is not online|is disabled|cannot set up guest memory/;

/**
 * What starting the guest now leads to, in the order qemu-server and
 * pve-container check it: template, lock, running, storage and volumes,
 * bridges, memory; otherwise the last failed start of the history, replayed.
 */
export function startOutcome(cluster: Cluster, guest: GuestState, skiplock = false): TaskOutcome {
  const node = cluster.nodes.get(guest.node)!;
  const noun = guest.type === 'qemu' ? 'VM' : 'CT';
  const fail = (exitstatus: string, lines: string[] = []) => ({ lines, exitstatus });
  if (guest.template) return fail(`you can't start a ${guest.type === 'qemu' ? 'vm' : 'CT'} if it's a template`);
  if (guest.lock && !skiplock) return fail(`${noun} is locked (${guest.lock})`);
  if (guest.running) return fail(`${noun} ${guest.vmid} already running`);
  const storageProblem = storageFailure(node, guest);
  if (storageProblem) return fail(storageProblem);
  const bridgeLines = missingBridgeLines(cluster, node, guest);
  if (bridgeLines)
    return fail(guest.type === 'qemu' ? qemuExited : `startup for container '${guest.vmid}' failed`, bridgeLines);
  if (guest.type === 'qemu' && configMemoryMiB(guest.config) > node.memoryMiB) {
    return fail(qemuExited, ["kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory"]);
  }
  return replayedFailure(cluster, guest) ?? { lines: [], exitstatus: 'OK' };
}

function storageFailure(node: NodeState, guest: GuestState): string | undefined {
  for (const disk of guestDisks(guest.type, guest.config)) {
    const storage = node.storage.get(disk.storage);
    if (!storage) return `storage '${disk.storage}' does not exist`;
    if (!storage.enabled) return `storage '${disk.storage}' is disabled`;
    if (!storage.active) return `storage '${disk.storage}' is not online`;
    if (storage.missingVolumes.has(disk.volid)) return `volume '${disk.volid}' does not exist`;
  }
  return undefined;
}

/** The bridge helper failing inside QEMU's -netdev setup; its path moved to /usr/libexec in qemu-server 8.3.11 (PVE 8.4). */
function missingBridgeLines(cluster: Cluster, node: NodeState, guest: GuestState): string[] | undefined {
  const known = new Set(node.bridges.map((bridge) => bridge.name));
  const nic = configNics(guest.type, guest.config).find(
    (candidate) => candidate.bridge !== undefined && !known.has(candidate.bridge),
  );
  if (!nic) return undefined;
  const missing = `bridge '${nic.bridge}' does not exist`;
  if (guest.type === 'lxc') return [missing];
  const [major = 0, minor = 0] = cluster.info.pveVersion.split('.').map(Number);
  const dir = major > 8 || (major === 8 && minor >= 4) ? '/usr/libexec/qemu-server' : '/var/lib/qemu-server';
  const index = nic.key.slice(3);
  const vhost = nic.model === 'virtio' ? ',vhost=on' : '';
  return [
    missing,
    `kvm: -netdev type=tap,id=${nic.key},ifname=tap${guest.vmid}i${index},script=${dir}/pve-bridge,downscript=${dir}/pve-bridgedown${vhost}: network script ${dir}/pve-bridge failed with status 512`,
  ];
}

/** The newest start of this guest, if it failed for a reason the simulator cannot derive (PCI, KVM, ...). */
function replayedFailure(cluster: Cluster, guest: GuestState): TaskOutcome | undefined {
  const last = cluster.tasks
    .ofNode(guest.node)
    .find((task) => task.done && task.id === String(guest.vmid) && startTypes.has(task.type));
  if (!last || last.exitstatus === 'OK' || /^WARNINGS: /.test(last.exitstatus)) return undefined;
  if (derivedOnly.test([last.exitstatus, ...last.lines].join('\n'))) return undefined;
  return { lines: [...last.lines], exitstatus: last.exitstatus };
}
