/** What the backup checks read from the cluster, already in our terms (the gatherer maps the wire). */

export interface GuestFact {
  vmid: number;
  type: 'qemu' | 'lxc';
  name: string;
  node: string;
  template: boolean;
  tags: string[];
}

export interface BackupJobFact {
  id: string;
  enabled: boolean;
  schedule: string;
  storage: string;
  /** The vmids it selects (Proxmox's own not-backed-up list decides the rest). */
  vmids: number[];
}

export interface BackupArchiveFact {
  vmid: number;
  node: string;
  storage: string;
  volid: string;
  /** Unix seconds. */
  ctime: number;
  sizeBytes: number;
  protected: boolean;
  verification: 'ok' | 'failed' | null;
}

/** The end of one guest's part in a vzdump run. */
export interface BackupRunFact {
  vmid: number;
  node: string;
  upid: string;
  /** Unix seconds. */
  starttime: number;
  ok: boolean;
  /** For a failure: the reason vzdump gave (`job failed with err -5 - Input/output error`) or the task's exit status. */
  error?: string;
}

export interface BackupFacts {
  /** Unix seconds. */
  now: number;
  guests: GuestFact[];
  jobs: BackupJobFact[];
  /** Guests no job selects, as Proxmox lists them. */
  notCovered: number[];
  archives: BackupArchiveFact[];
  runs: BackupRunFact[];
}
