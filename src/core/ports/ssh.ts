/**
 * Commands on a Proxmox node over SSH, for what the API lacks.
 * A caller names a fixed template and gives its arguments as values; src/ssh
 * checks every argument against a strict pattern and builds the command line,
 * or refuses before it connects. There is no way to send free text.
 */

/** `since` is a UTC time written `YYYY-MM-DD HH:MM:SS`; `lines` a whole number from 1 to 10000. */
export type NodeCommand =
  { template: 'kernel-log'; lines: number; since?: string } | { template: 'task-index'; lines: number };

export interface NodeCommandResult {
  /** The exact command line that ran, for the audit trail and the answer. */
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number | null;
}

export interface NodeShell {
  run(node: string, command: NodeCommand, options: { signal: AbortSignal }): Promise<NodeCommandResult>;
}
