import readline from 'node:readline/promises';
import type { Approver, ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import { guestLabel } from '../../core/target-label.js';
import { terminalText } from '../../shared/terminal-text.js';
import type { CliIo } from '../io.js';

/**
 * Confirmation on a plain terminal (commands such as `undo`): shows the real
 * target and arguments; typed confirmation needs the vmid or name typed back.
 * Without a terminal on stdin nobody can answer, so it denies.
 */
export class TerminalApprover implements Approver {
  constructor(private readonly io: Pick<CliIo, 'stdin' | 'stderr'>) {}

  async confirm(request: ConfirmRequest, signal: AbortSignal): Promise<ConfirmAnswer> {
    if (!(this.io.stdin as NodeJS.ReadStream).isTTY) {
      return { approved: false, decidedBy: 'default', note: 'no terminal to confirm on' };
    }
    const { target } = request;
    const what = target.vmid !== undefined ? `${guestLabel(target)} on ${target.node}` : `profile ${target.profile}`;
    this.io.stderr.write(
      terminalText(
        `\n${request.title}: ${request.tool} on ${what}${target.tags?.length ? `, tags ${target.tags.join(',')}` : ''}\n` +
          `arguments: ${JSON.stringify(request.args)}\n${target.detail ? `${target.detail}\n` : ''}${request.reason}\n` +
          (request.preview ?? []).map((row) => `  ${row}\n`).join(''),
      ),
    );
    const prompt = readline.createInterface({ input: this.io.stdin, output: this.io.stderr });
    try {
      if (request.confirm === 'typed') {
        const expected = [String(target.vmid ?? ''), target.name ?? ''].filter(Boolean);
        const typed = (await prompt.question(`type ${expected.join(' or ')} to confirm: `, { signal })).trim();
        return expected.includes(typed)
          ? { approved: true, decidedBy: 'human' }
          : { approved: false, decidedBy: 'human', note: 'confirmation text did not match' };
      }
      const answer = (await prompt.question('allow? [y/N] ', { signal })).trim().toLowerCase();
      return answer === 'y' || answer === 'yes'
        ? { approved: true, decidedBy: 'human' }
        : { approved: false, decidedBy: 'human' };
    } catch {
      return { approved: false, decidedBy: 'human', note: 'cancelled' };
    } finally {
      prompt.close();
    }
  }
}
