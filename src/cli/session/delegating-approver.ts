import type { Approver, ConfirmAnswer, ConfirmRequest } from '../../core/approver.js';

/** An approver slot the TUI fills once its dialog is mounted; empty, ask means deny. */
export class DelegatingApprover implements Approver {
  private current: Approver | null = null;

  set(approver: Approver | null): void {
    this.current = approver;
  }

  confirm(request: ConfirmRequest, signal: AbortSignal): Promise<ConfirmAnswer> {
    if (!this.current)
      return Promise.resolve({ approved: false, decidedBy: 'default', note: 'no confirmation dialog is open' });
    return this.current.confirm(request, signal);
  }
}
