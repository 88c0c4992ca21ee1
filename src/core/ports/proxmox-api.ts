import type {
  AgentInterface,
  BackupJob,
  FirewallOptions,
  PendingUpdate,
  RrdQuery,
  StorageRrdRow,
  TfaUser,
  UncoveredGuest,
  User,
  AgentOsInfo,
  ClusterResource,
  ClusterResourceType,
  ClusterStatusEntry,
  CloneRequest,
  ConfigChanges,
  ConfigWriteParams,
  GuestConfig,
  GuestRef,
  GuestResource,
  StorageResource,
  GuestStatus,
  GuestSummary,
  GuestType,
  HaStatusEntry,
  JournalPage,
  JournalRange,
  LogLine,
  LogRange,
  MigrateRequest,
  NetworkFilter,
  NetworkInterface,
  NextIdQuery,
  NodeStatus,
  NodeTime,
  NodeStorage,
  NodeSummary,
  Page,
  Permissions,
  PowerAction,
  PowerParams,
  PveVersion,
  Snapshot,
  SnapshotRequest,
  StorageContentFilter,
  StorageStatus,
  StorageVolume,
  SyslogRange,
  TaskFilter,
  TaskStatus,
  TaskSummary,
  UpidString,
} from '../../proxmox/schemas/index.js';

/**
 * The Proxmox API as tools see it: typed reads and writes grouped the way the
 * API is (cluster, nodes, guests, storage, tasks, access). The types come from
 * the wire model in src/proxmox/schemas, whose zod schemas the adapter
 * (src/proxmox/proxmox-api-adapter.ts) validates every answer with. A new
 * endpoint is a schema there plus one method here and in the client.
 */
export interface ProxmoxApi {
  /** The Proxmox identity calls are made as, e.g. "root@pam!ai". */
  readonly identity: string;
  readonly cluster: ClusterApi;
  readonly nodes: NodeApi;
  readonly guests: GuestApi;
  readonly storage: StorageApi;
  readonly tasks: TaskApi;
  readonly access: AccessApi;
  /**
   * An untyped read for the diagnosis, which keeps a failed read as evidence
   * and parses leniently itself; everything else uses the typed groups.
   */
  readRaw(path: string, params?: RawParams, options?: CallOptions): Promise<unknown>;
}

export type RawParams = Record<string, string | number | boolean | undefined>;

/** Every call can be aborted and has a time limit (the client's default unless given). */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ClusterApi {
  version(options?: CallOptions): Promise<PveVersion>;
  /** Items the caller may not audit are silently left out by Proxmox. */
  resources(type?: ClusterResourceType, options?: CallOptions): Promise<ClusterResource[]>;
  /** The VMs and containers of `/cluster/resources` the caller may see. */
  guests(options?: CallOptions): Promise<GuestResource[]>;
  /** The storages of `/cluster/resources`, one item per storage and node, with their fill. */
  storages(options?: CallOptions): Promise<StorageResource[]>;
  status(options?: CallOptions): Promise<ClusterStatusEntry[]>;
  /** The next free vmid; with `vmid`, that id, or Proxmox's refusal when it is taken. */
  nextId(query?: NextIdQuery, options?: CallOptions): Promise<number>;
  tasks(options?: CallOptions): Promise<TaskSummary[]>;
  haStatus(options?: CallOptions): Promise<HaStatusEntry[]>;
  /** The vzdump jobs of jobs.cfg. */
  backupJobs(options?: CallOptions): Promise<BackupJob[]>;
  /** Guests no backup job selects (those the caller may audit). */
  notBackedUp(options?: CallOptions): Promise<UncoveredGuest[]>;
  firewallOptions(options?: CallOptions): Promise<FirewallOptions>;
}

export interface NodeApi {
  list(options?: CallOptions): Promise<NodeSummary[]>;
  status(node: string, options?: CallOptions): Promise<NodeStatus>;
  network(node: string, filter?: NetworkFilter, options?: CallOptions): Promise<NetworkInterface[]>;
  /** Newest first; finished tasks unless `source` says otherwise. */
  tasks(node: string, filter?: TaskFilter, options?: CallOptions): Promise<Page<TaskSummary[]>>;
  syslog(node: string, range?: SyslogRange, options?: CallOptions): Promise<Page<LogLine[]>>;
  journal(node: string, range?: JournalRange, options?: CallOptions): Promise<JournalPage>;
  /** The node's clock: ages of backups and tasks are measured against it, not this machine's. */
  time(node: string, options?: CallOptions): Promise<NodeTime>;
  /** Packages apt would upgrade (needs Sys.Modify on the node). */
  pendingUpdates(node: string, options?: CallOptions): Promise<PendingUpdate[]>;
}

/** Guests of both kinds. Writes answer a UPID: that only means the task started; follow it to learn how it ended. */
export interface GuestApi {
  list(node: string, type: GuestType, query?: { full?: boolean }, options?: CallOptions): Promise<GuestSummary[]>;
  status(guest: GuestRef, options?: CallOptions): Promise<GuestStatus>;
  config(guest: GuestRef, options?: CallOptions): Promise<GuestConfig>;
  power(guest: GuestRef, action: PowerAction, params?: PowerParams, options?: CallOptions): Promise<UpidString>;
  /**
   * A VM's config keys, written as a task (containers have only the synchronous PUT). On a running VM, keys
   * that cannot be hotplugged stay pending until its next start.
   */
  setConfig(
    guest: GuestRef,
    changes: ConfigChanges,
    params?: ConfigWriteParams,
    options?: CallOptions,
  ): Promise<UpidString>;
  /** A new VM copied from this one; it exists (locked) at once, its disks are copied by the task. */
  clone(guest: GuestRef, request: CloneRequest, options?: CallOptions): Promise<UpidString>;
  /** Moves a VM to another node. */
  migrate(guest: GuestRef, request: MigrateRequest, options?: CallOptions): Promise<UpidString>;
  snapshots(guest: GuestRef, options?: CallOptions): Promise<Snapshot[]>;
  createSnapshot(guest: GuestRef, request: SnapshotRequest, options?: CallOptions): Promise<UpidString>;
  rollbackSnapshot(
    guest: GuestRef,
    snapname: string,
    params?: { start?: boolean },
    options?: CallOptions,
  ): Promise<UpidString>;
  deleteSnapshot(guest: GuestRef, snapname: string, options?: CallOptions): Promise<UpidString>;
  /** Resolves when the QEMU guest agent answers. */
  agentPing(guest: GuestRef, options?: CallOptions): Promise<unknown>;
  agentOsInfo(guest: GuestRef, options?: CallOptions): Promise<AgentOsInfo>;
  agentInterfaces(guest: GuestRef, options?: CallOptions): Promise<AgentInterface[]>;
}

export interface StorageApi {
  /** The storages a node can use, with their usage. */
  list(node: string, options?: CallOptions): Promise<NodeStorage[]>;
  status(node: string, storage: string, options?: CallOptions): Promise<StorageStatus>;
  content(
    node: string,
    storage: string,
    filter?: StorageContentFilter,
    options?: CallOptions,
  ): Promise<StorageVolume[]>;
  /** Usage history, oldest row first. */
  rrd(node: string, storage: string, query: RrdQuery, options?: CallOptions): Promise<StorageRrdRow[]>;
}

/** Task calls go to the node named inside the UPID. */
export interface TaskApi {
  status(upid: UpidString, options?: CallOptions): Promise<TaskStatus>;
  /** `total` is the log's line count. */
  log(upid: UpidString, range?: LogRange, options?: CallOptions): Promise<Page<LogLine[]>>;
  /** Polls the task until it stops, reading its whole log on the way. */
  follow(upid: UpidString, options?: FollowTaskOptions): Promise<TaskOutcome>;
}

export interface AccessApi {
  /** The caller's own effective privileges (or `userid`'s, with Sys.Audit), optionally for one ACL path. */
  permissions(filter?: { path?: string; userid?: string }, options?: CallOptions): Promise<Permissions>;
  /** With `full`, each user's API tokens too. */
  users(query?: { full?: boolean }, options?: CallOptions): Promise<User[]>;
  /** Users with second factors, and those factors. */
  tfa(options?: CallOptions): Promise<TfaUser[]>;
}

export interface TaskProgress {
  upid: UpidString;
  status: 'running' | 'stopped';
  /** Log lines that arrived since the last report. */
  newLines: string[];
}

export interface FollowTaskOptions extends CallOptions {
  onProgress?: (progress: TaskProgress) => void;
  /** Between status polls; default 1000 ms. */
  pollIntervalMs?: number;
}

export interface TaskOutcome {
  upid: UpidString;
  node: string;
  /** `ok` for `OK` and `WARNINGS: n`; anything else failed. */
  status: 'ok' | 'failed';
  /** Proxmox's exit status: `OK`, `WARNINGS: 2`, or the error (`start failed: QEMU exited with code 1`). */
  exitStatus: string;
  log: string[];
}
