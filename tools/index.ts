import type { AnyTool } from '../src/core/tool.js';
import { applyTerraform } from './apply_terraform.js';
import { cloneVm } from './clone_vm.js';
import { diagnoseVm } from './diagnose_vm.js';
import { findProblems } from './find_problems.js';
import { guestAgentInfo } from './guest_agent_info.js';
import { listBackups } from './list_backups.js';
import { listNodes } from './list_nodes.js';
import { listStorage } from './list_storage.js';
import { listTasks } from './list_tasks.js';
import { listVms } from './list_vms.js';
import { migrateVm } from './migrate_vm.js';
import { planTerraform } from './plan_terraform.js';
import { readJournal } from './read_journal.js';
import { readNodeLog } from './read_node_log.js';
import { readTaskLog } from './read_task_log.js';
import { rebootVm } from './reboot_vm.js';
import { resumeVm } from './resume_vm.js';
import { rollbackSnapshot } from './rollback_snapshot.js';
import { runPlaybook } from './run_playbook.js';
import { setVmNetwork } from './set_vm_network.js';
import { setVmResources } from './set_vm_resources.js';
import { shutdownVm } from './shutdown_vm.js';
import { snapshotVm } from './snapshot_vm.js';
import { startVm } from './start_vm.js';
import { stopVm } from './stop_vm.js';
import { storageTrend } from './storage_trend.js';
import { vmConfig } from './vm_config.js';
import { vmStatus } from './vm_status.js';

/** The default set: Proxmox reads, backups and capacity, power actions, snapshots, config changes, clone, migrate and diagnosis. */
export const proxmoxTools: AnyTool[] = [
  listNodes,
  listVms,
  vmStatus,
  vmConfig,
  guestAgentInfo,
  listStorage,
  storageTrend,
  listBackups,
  listTasks,
  readTaskLog,
  readJournal,
  startVm,
  shutdownVm,
  rebootVm,
  stopVm,
  resumeVm,
  snapshotVm,
  rollbackSnapshot,
  setVmResources,
  setVmNetwork,
  cloneVm,
  migrateVm,
  diagnoseVm,
  findProblems,
];

/** Offered when configured: `iac.terraform`, `iac.playbookDirs`, `profiles.NAME.ssh.user` (see src/cli/session/registry.ts). */
export const terraformTools: AnyTool[] = [planTerraform, applyTerraform];
export const playbookTools: AnyTool[] = [runPlaybook];
export const nodeShellTools: AnyTool[] = [readNodeLog];

export const allTools: AnyTool[] = [...proxmoxTools, ...terraformTools, ...playbookTools, ...nodeShellTools];
