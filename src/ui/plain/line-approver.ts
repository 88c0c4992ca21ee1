import type { Approver, ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import { typedAnswers } from '../layout/dialog-lines.js';
import { compactArgs, targetFacts } from '../layout/describe-target.js';
import { terminalText } from '../../shared/terminal-text.js';
import type { LineReader } from './line-reader.js';

/**
 * The confirmation of the line-mode conversation: the same facts as the
 * dialog (tool, resolved target, arguments, rule), answered with a line.
 * Typed confirmation needs the vmid or the name; anything but y denies.
 */
export class LineApprover implements Approver {
  constructor(
    private readonly reader: LineReader,
    private readonly out: (text: string) => void,
  ) {}

  async confirm(request: ConfirmRequest): Promise<ConfirmAnswer> {
    const facts = targetFacts(request.target)
      .map(([label, value]) => `${label} ${value}`)
      .join(', ');
    this.out(
      `\nConfirm ${request.title} (${request.tool}), risk ${request.risk}\n` +
        `  target ${facts}\n  args   ${compactArgs(request.args) || '{}'}\n  rule   ${terminalText(request.reason)}\n`,
    );
    if (request.confirm === 'typed') {
      const answers = typedAnswers(request);
      const typed = await this.reader.next(`Type ${answers.map(terminalText).join(' or ')} to confirm: `);
      if (typed !== null && answers.includes(typed.trim())) return { approved: true, decidedBy: 'human' };
      return { approved: false, decidedBy: 'human', note: 'the confirmation text did not match' };
    }
    const typed = (await this.reader.next('Allow once? [y/N] '))?.trim().toLowerCase();
    return typed === 'y' || typed === 'yes'
      ? { approved: true, decidedBy: 'human' }
      : { approved: false, decidedBy: 'human' };
  }
}
