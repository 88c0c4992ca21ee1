/**
 * Terraform and Ansible as tools see them. src/iac implements it:
 * programs run through execFile-style argument arrays, never a shell, in a
 * process group that an abort kills whole.
 */

export interface ProgramRunOptions {
  cwd: string;
  signal: AbortSignal;
  /** Text written to the program's standard input, which is closed afterwards. */
  stdin?: string;
  /** Each output line (stdout and stderr) as it arrives, for progress. */
  onLine?: (line: string) => void;
}

export interface ProgramOutcome {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** One program found on PATH, with the environment it must run in already fixed. */
export interface ExternalProgram {
  /** `terraform`, `tofu` or `ansible-playbook`. */
  readonly name: string;
  readonly path: string;
  run(args: readonly string[], options: ProgramRunOptions): Promise<ProgramOutcome>;
}

/** A Terraform plan saved by plan_terraform in this session; only these can be applied. */
export interface SavedPlan {
  planId: string;
  /** The request's name, also the workspace's. */
  name: string;
  node: string;
  workspace: string;
  planFile: string;
  summary: string;
  risk: 'change' | 'destructive';
  applied: boolean;
}

/** The outcome of a check run, shown when the same run is confirmed for real. */
export interface SavedCheck {
  summary: string;
  failed: boolean;
}

/** What one session remembers; gone when the session ends. */
export interface SessionBook<T> {
  save(key: string, item: T): void;
  get(key: string): T | undefined;
}

export interface IacPort {
  /** `<state>/workspaces`: every file Terraform or Ansible needs from us is written below it. */
  workspacesDir: string;
  /** `terraform`, else `tofu`, when one is on PATH. */
  terraform?: ExternalProgram;
  ansible?: ExternalProgram;
  /** The profile's API URL, for the provider block. */
  endpoint: string;
  /** `iac.allowInit`: whether `terraform init` may download providers. */
  allowInit: boolean;
  /** `iac.playbookDirs`, absolute. */
  playbookDirs: readonly string[];
  /** A configured inventory (`iac.inventory`); without one, run_playbook generates one from the cluster. */
  inventoryFile?: string;
  /**
   * False for the embedded simulator: its guest addresses are invented, so a
   * generated inventory would send SSH to hosts that are not ours (docs/architecture.md, "Safety rules").
   */
  generateInventory: boolean;
  /** Saved plans by planId. */
  plans: SessionBook<SavedPlan>;
  /** Check runs by playbook, limit and extra vars together. */
  checks: SessionBook<SavedCheck>;
  /** A fresh id of 10 base32 characters. */
  newId(): string;
}
