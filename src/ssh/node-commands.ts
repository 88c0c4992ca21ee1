import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';
import type { NodeCommand } from '../core/ports/ssh.js';

/** A command was refused before any connection was made. */
export class NodeCommandRefused extends AppError {
  constructor(message: string) {
    super('ssh.refused', message, ExitCode.usage);
    this.name = 'NodeCommandRefused';
  }
}

export const maxLogLines = 10_000;

// Safety: SSH hands the remote shell one string. Each allowed command is a
// fixed template; its arguments must match these patterns exactly, so no
// quote, ";", "$(", "`" or newline can ever reach the shell.
const sincePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const nodePattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** The command line for an allowed template, or a refusal naming the bad argument. */
export function renderNodeCommand(command: NodeCommand): string {
  const given = command as unknown as Record<string, unknown>;
  const lines = given.lines;
  if (typeof lines !== 'number' || !Number.isInteger(lines) || lines < 1 || lines > maxLogLines) {
    throw new NodeCommandRefused(`refused: lines must be a whole number from 1 to ${maxLogLines}`);
  }
  switch (given.template) {
    case 'kernel-log': {
      onlyKeys(given, ['template', 'lines', 'since']);
      const since = given.since;
      if (since !== undefined && (typeof since !== 'string' || !sincePattern.test(since))) {
        throw new NodeCommandRefused("refused: since must be a UTC time written 'YYYY-MM-DD HH:MM:SS'");
      }
      return `journalctl -k --no-pager -o short-iso -n ${lines}${since === undefined ? '' : ` --since '${since} UTC'`}`;
    }
    case 'task-index':
      onlyKeys(given, ['template', 'lines']);
      return `tail -n ${lines} /var/log/pve/tasks/index`;
    default:
      throw new NodeCommandRefused(
        `refused: '${String(given.template)}' is not an allowed node command (kernel-log, task-index)`,
      );
  }
}

/** Node names become host lookups and appear in messages; the same pattern as the API tools. */
export function checkNodeName(node: string): void {
  if (!nodePattern.test(node)) throw new NodeCommandRefused('refused: node must be a node name such as pve1');
}

function onlyKeys(given: Record<string, unknown>, allowed: string[]): void {
  const extra = Object.keys(given).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw new NodeCommandRefused(`refused: unexpected argument(s) ${extra.join(', ')}`);
}
