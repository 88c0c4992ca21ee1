import type { ScenarioBackupJob, ScenarioFirewall, ScenarioPool } from '../scenario/schema-datacenter.js';
import type { TaskStore } from '../tasks/task-store.js';
import type { Journal } from './journal.js';
import type { GuestState, NodeState } from './model.js';
import { pvedaemonPid } from './task-journal.js';

export interface ClusterInfo {
  scenarioName: string;
  clusterName: string;
  quorate: boolean;
  pveVersion: string;
  /** What `pveversion` prints after the version: a 16-hex-digit git id. */
  repoid: string;
}

/** What the cluster's configuration files say: jobs.cfg, pools, cluster.fw, datacenter.cfg. */
export interface Datacenter {
  backupJobs: ScenarioBackupJob[];
  pools: ScenarioPool[];
  firewall: ScenarioFirewall;
  options: Record<string, unknown>;
}

/** The whole simulated cluster: nodes, guests, journals and tasks, over one clock. */
export class Cluster {
  constructor(
    readonly info: ClusterInfo,
    readonly nodes: Map<string, NodeState>,
    readonly guests: Map<number, GuestState>,
    readonly journal: Journal,
    readonly tasks: TaskStore,
    readonly now: () => number,
    readonly datacenter: Datacenter,
  ) {}

  /** Unix seconds on the simulator clock. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  guestsOn(node: string): GuestState[] {
    const list: GuestState[] = [];
    for (const guest of this.guests.values()) if (guest.node === node) list.push(guest);
    return list;
  }

  /** The pid of the node's pvedaemon; other daemons' pids are counted from it. */
  daemonPid(node: string): number {
    return pvedaemonPid(this.nodes.get(node));
  }
}
