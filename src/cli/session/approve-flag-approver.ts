import type { Approver, ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';
import { riskOrder, type Risk } from '../../core/tool.js';

export type ApproveClass = 'read' | 'change' | 'all';

/**
 * `ask --approve CLASS` (docs/architecture.md, "The command line"): cumulative (read < change < all); it
 * only ever sees calls whose verdict is ask, so it never overrides a deny;
 * typed confirmation is satisfied only by `all`.
 */
export class ApproveFlagApprover implements Approver {
  constructor(private readonly approve: ApproveClass | undefined) {}

  async confirm(request: ConfirmRequest): Promise<ConfirmAnswer> {
    const answer = this.answer(request);
    // What the call would have done, so the model (and the person reading `ask --json`) can judge the denial.
    if (answer.approved || !request.preview?.length) return answer;
    return { ...answer, note: `${answer.note}; preview: ${request.preview.join(' | ')}` };
  }

  private answer(request: ConfirmRequest): ConfirmAnswer {
    const decidedBy = `approve-flag:${this.approve ?? 'none'}`;
    if (!this.approve)
      return {
        approved: false,
        decidedBy: 'default',
        note: 'ask never prompts; rerun with --approve change (or all) to allow this',
      };
    if (request.confirm === 'typed' && this.approve !== 'all') {
      return { approved: false, decidedBy, note: `typed confirmation needs --approve all (given: ${this.approve})` };
    }
    const ceiling: Risk = this.approve === 'read' ? 'read' : this.approve === 'change' ? 'change' : 'destructive';
    if (riskOrder[request.risk] > riskOrder[ceiling]) {
      return { approved: false, decidedBy, note: `--approve ${this.approve} does not cover a ${request.risk} call` };
    }
    return { approved: true, decidedBy };
  }
}
