import type { ConfigValue, GuestType } from './guest-config.js';

/** The simulator's live state: built from a scenario, changed by API calls and finished tasks. */

export interface BridgeState {
  name: string;
  vlanAware: boolean;
  mtu: number | null;
}

export interface StorageState {
  id: string;
  type: string;
  totalBytes: number;
  usedBytes: number;
  content: string[];
  active: boolean;
  enabled: boolean;
  shared: boolean;
  /** Volids (`storage:volname`) named by configs that the storage does not hold. */
  missingVolumes: Set<string>;
  /** Files besides the guests' disks (ISOs, templates, backups); vzdump adds to them. */
  volumes: VolumeState[];
  /** The declared trend its RRD history follows. */
  growthBytesPerDay: number;
}

export interface VolumeState {
  volid: string;
  content: string;
  format: string;
  vmid: number | null;
  sizeBytes: number;
  /** Unix seconds. */
  ctime: number;
  notes: string | null;
  protected: boolean;
  verification: 'ok' | 'failed' | null;
}

export interface PendingUpdate {
  package: string;
  version: string;
  oldVersion?: string;
  origin: string;
  title: string;
  priority: string;
  section: string;
}

export interface NodeState {
  name: string;
  /** Position in the scenario; the first node is the one the API is reached through. */
  index: number;
  online: boolean;
  cpus: number;
  memoryMiB: number;
  /** null: derived from the running guests. */
  memoryUsedMiB: number | null;
  ip: string;
  /** Unix seconds. */
  bootedAt: number;
  bridges: BridgeState[];
  storage: Map<string, StorageState>;
  /** The declared trend its RRD memory history follows. */
  memoryGrowthMiBPerDay: number;
  updates: PendingUpdate[];
}

export interface SnapshotState {
  name: string;
  /** Unix seconds. */
  snaptime: number;
  description: string;
  vmstate: boolean;
  parent: string | null;
}

export interface HaState {
  state: string;
  group: string | null;
}

export interface AgentState {
  osinfo: Record<string, unknown>;
  interfaces: Array<Record<string, unknown>>;
  fsinfo?: Array<Record<string, unknown>>;
  hostName?: string;
  version: string;
}

export interface FirewallState {
  enable: boolean;
  policyIn?: string;
  policyOut?: string;
}

export interface GuestState {
  vmid: number;
  type: GuestType;
  node: string;
  name: string;
  tags: string[];
  lock: string | null;
  template: boolean;
  config: Record<string, ConfigValue>;
  /** Changes waiting for the next start (a running VM's memory, cores, ...); '' marks a deletion. */
  pending: Record<string, ConfigValue>;
  /** A QEMU process (or container) exists; paused VMs are running with another qmpstatus. */
  running: boolean;
  /** running | paused | io-error | prelaunch | suspended | stopped ... as QMP reports it. */
  qmpstatus: string;
  /** Unix seconds of the last start; null when stopped. */
  startedAt: number | null;
  pid: number | null;
  agent: AgentState | null;
  ha: HaState | null;
  firewall: FirewallState | null;
  snapshots: SnapshotState[];
  /** The snapshot the current state derives from. */
  parentSnapshot: string | null;
}

export interface JournalEntry {
  /** Sim-clock milliseconds. */
  ts: number;
  line: string;
}
