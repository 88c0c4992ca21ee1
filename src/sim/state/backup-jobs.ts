import type { ScenarioBackupJob } from '../scenario/schema-datacenter.js';
import type { Cluster } from './cluster.js';

/** The vmids a backup job selects, as PVE::VZDump::get_included_guests reads `vmid`, `all`, `exclude` and `node`. */
export function jobVmids(cluster: Cluster, job: ScenarioBackupJob): number[] {
  const onNode = (vmid: number) => job.node === undefined || cluster.guests.get(vmid)?.node === job.node;
  if (job.all) {
    const excluded = new Set(job.exclude);
    return [...cluster.guests.keys()].filter((vmid) => !excluded.has(vmid) && onNode(vmid)).sort((a, b) => a - b);
  }
  return job.vmids.filter(onNode);
}

/** Every vmid some job selects (enabled or not, as Proxmox's not-backed-up list counts them). */
export function coveredVmids(cluster: Cluster): Set<number> {
  const covered = new Set<number>();
  for (const job of cluster.datacenter.backupJobs) for (const vmid of jobVmids(cluster, job)) covered.add(vmid);
  return covered;
}
