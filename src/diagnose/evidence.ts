import type { EvidenceSource } from './finding.js';
import type { GuestConfigFacts, GuestType } from './guest-config.js';

/** What was read about one guest and its surroundings; analyzers reason over this and nothing else. */

export interface GuestFacts {
  vmid: number;
  node: string;
  type: GuestType;
  name: string | null;
  /** running | stopped | paused (io-error shows as paused) | another QEMU state | unknown. */
  status: string;
  qmpstatus: string | undefined;
  lock: string | undefined;
  template: boolean;
  haManaged: boolean;
  haState: string | undefined;
  /** Configured memory in bytes as the status reports it. */
  maxmem: number | undefined;
}

export interface BridgeFact {
  name: string;
  /** bridge | OVSBridge | eth | bond | vlan ... */
  type: string;
  active: boolean;
  ports: string[];
  vlanAware: boolean;
  /** The MTU set on the interface; undefined means the default (1500). */
  mtu: number | undefined;
}

export interface StorageFact {
  id: string;
  type: string;
  active: boolean;
  enabled: boolean;
  /** Bytes; 0 when the storage is inactive. */
  total: number;
  used: number;
  content: string[];
  /** Volids listed by its content reads, when they were read. */
  volumes: string[] | undefined;
  contentError: string | undefined;
}

export interface NodeDevices {
  /** PCI devices (`0000:65:00.0`) and their IOMMU group (-1: no IOMMU). */
  pci: Array<{ id: string; iommugroup: number }> | undefined;
  /** USB devices as `vendor:product` and as `bus-port`. */
  usb: Array<{ id: string; port: string }> | undefined;
  /** Machine types the node's QEMU runs, e.g. `pc-q35-9.2`. */
  machines: string[] | undefined;
}

export interface NodeFacts {
  name: string;
  online: boolean | undefined;
  memory: { total: number; used: number } | undefined;
  cpu: { hvm: boolean | undefined; flags: string[] } | undefined;
  /** Logical CPUs of the node. */
  cpus: number | undefined;
  /** Read only for guests that pass devices through or pin a machine version; undefined when not read. */
  devices: NodeDevices | undefined;
  /** Every interface of /nodes/{node}/network, or undefined when it could not be read. */
  interfaces: BridgeFact[] | undefined;
  storage: StorageFact[] | undefined;
  /** Memory (bytes) configured for the node's running guests, from the cluster resources. */
  committed: number | undefined;
}

export interface TaskFact {
  upid: string;
  type: string;
  user: string;
  /** Unix seconds. */
  starttime: number;
  endtime: number | undefined;
  /** OK, WARNINGS: n, the error text, or RUNNING. */
  status: string;
  failed: boolean;
  running: boolean;
  /** The log, read for the failures that still matter. */
  log: string[] | undefined;
}

export interface ReadFailure {
  path: string;
  source: EvidenceSource;
  message: string;
}

export interface PermissionFact {
  userid: string;
  path: string;
  privileges: string[];
}

export interface GuestEvidence {
  /** Who the reads were made as, e.g. root@pam!ai. */
  identity: string;
  guest: GuestFacts;
  config: GuestConfigFacts | undefined;
  node: NodeFacts;
  /** This guest's recent tasks, newest first. */
  tasks: TaskFact[];
  /** Node journal lines around the failure time (or the newest ones). */
  journal: string[];
  /** The journal from the start of the newest failed task to a few seconds after its end: lines there belong to it. */
  failureWindow: { upid: string; lines: string[] } | undefined;
  cluster: { quorate: boolean | undefined; offlineNodes: string[] };
  agent: { answered: boolean; error: string | undefined } | undefined;
  /** Privileges of task users named by permission errors. */
  permissions: PermissionFact[];
  failures: ReadFailure[];
  reads: string[];
}
