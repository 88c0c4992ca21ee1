/**
 * The Proxmox API as tools see it. src/proxmox's client implements it against
 * a real cluster (or the simulator, which is a real HTTPS peer).
 */

export type ApiParams = Record<string, string | number | boolean | undefined>;

export interface ApiCallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface TaskOutcome {
  upid: string;
  node: string;
  status: 'ok' | 'failed';
  /** Proxmox's exitstatus: "OK" or the error text. */
  exitStatus: string;
  log: string[];
}

export interface FollowTaskOptions {
  signal?: AbortSignal;
  onProgress?: (line: string) => void;
}

export interface ProxmoxApi {
  /** The Proxmox identity calls are made as, e.g. "root@pam!ai". */
  readonly identity: string;
  get<T = unknown>(path: string, params?: ApiParams, options?: ApiCallOptions): Promise<T>;
  post<T = unknown>(path: string, params?: ApiParams, options?: ApiCallOptions): Promise<T>;
  delete<T = unknown>(path: string, params?: ApiParams, options?: ApiCallOptions): Promise<T>;
  followTask(upid: string, options?: FollowTaskOptions): Promise<TaskOutcome>;
}
