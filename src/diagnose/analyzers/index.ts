import type { Analyzer } from './analyzer.js';
import { backupAnalyzer } from './backup.js';
import { bridgeAnalyzer } from './bridge.js';
import { bridgeKindAnalyzer } from './bridge-kind.js';
import { cloudInitAnalyzer } from './cloud-init.js';
import { clusterLockAnalyzer } from './cluster-locks.js';
import { guestAgentAnalyzer } from './guest-agent.js';
import { haAnalyzer } from './ha.js';
import { kvmAnalyzer } from './kvm.js';
import { lockAnalyzer } from './lock.js';
import { lxcAnalyzer } from './lxc.js';
import { memoryAnalyzer } from './memory.js';
import { nodeFitAnalyzer } from './node-fit.js';
import { nodeReachAnalyzer } from './node-reach.js';
import { oomAnalyzer } from './oom.js';
import { pciAnalyzer } from './pci.js';
import { permissionAnalyzer } from './permission.js';
import { qmpAnalyzer } from './qmp.js';
import { quorumAnalyzer } from './quorum.js';
import { storageAnalyzer } from './storage.js';
import { storageFullAnalyzer } from './storage-full.js';
import { templateAnalyzer } from './template.js';
import { volumeAnalyzer } from './volume.js';

/** Every analyzer; each checks its kind of failure against the evidence. */
export const analyzers: readonly Analyzer[] = [
  bridgeAnalyzer,
  bridgeKindAnalyzer,
  storageAnalyzer,
  storageFullAnalyzer,
  volumeAnalyzer,
  memoryAnalyzer,
  nodeFitAnalyzer,
  oomAnalyzer,
  lockAnalyzer,
  clusterLockAnalyzer,
  templateAnalyzer,
  quorumAnalyzer,
  haAnalyzer,
  kvmAnalyzer,
  pciAnalyzer,
  guestAgentAnalyzer,
  qmpAnalyzer,
  cloudInitAnalyzer,
  permissionAnalyzer,
  lxcAnalyzer,
  nodeReachAnalyzer,
  backupAnalyzer,
];
