import type { TurnResult } from '../../../src/core/agent/agent-session.js';
import type { AgentEvent } from '../../../src/core/agent/events.js';
import type { ToolOutcome } from '../../../src/core/call-outcome.js';
import type { Risk, Target } from '../../../src/core/tool.js';
import type { TurnHandlers } from '../../../src/ui/backend.js';
import { FakeBackend, outcome, usage } from './fake-backend.js';

const guests: Record<number, Target> = {
  101: { profile: 'demo', cluster: 'homelab', node: 'pve1', vmid: 101, name: 'db-01', tags: ['prod'] },
  105: { profile: 'demo', cluster: 'homelab', node: 'pve1', vmid: 105, name: 'ubuntu-2404-tmpl', tags: [] },
};
const risks: Record<string, Risk> = { start_vm: 'change', shutdown_vm: 'change', reboot_vm: 'change', snapshot_vm: 'change', stop_vm: 'destructive' };

/**
 * A backend that plays the demo cluster without a scheduler: one scripted
 * answer about VM 101, and power commands that ask as the default policy
 * does. For screen captures and manual runs of the UI, not for behaviour.
 */
export class DemoBackend extends FakeBackend {
  override async ask(question: string, handlers: TurnHandlers, signal: AbortSignal): Promise<TurnResult> {
    const say = async (text: string) => {
      for (const word of text.split(/(?<= )/)) {
        if (signal.aborted) return;
        handlers.emit({ type: 'text', delta: word });
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    };
    await say(`Let me look at VM 101 for "${question}". `);
    const result = await this.callTool('vm_status', { vmid: 101 }, handlers, signal);
    await say(`VM 101 (db-01) is ${result.status === 'ok' ? 'stopped' : 'unknown'}. Its last start failed: bridge 'vmbr1' does not exist on pve1, so QEMU exited with code 1. Add vmbr1 on pve1 or point net0 at vmbr0, then start it again.`);
    const answer = 'VM 101 (db-01) is stopped.';
    handlers.emit({ type: 'done', stopReason: signal.aborted ? 'aborted' : 'answered', answer, usage });
    return { answer, stopReason: 'answered', usage, outcomes: [result] };
  }

  override async callTool(tool: string, args: Record<string, unknown>, handlers: Pick<TurnHandlers, 'emit'>, signal: AbortSignal): Promise<ToolOutcome> {
    const id = `d${Math.random().toString(36).slice(2, 8)}`;
    const emit = (event: AgentEvent) => handlers.emit(event);
    emit({ type: 'tool-requested', id, tool, args });
    const target = guests[Number(args.vmid)] ?? { profile: 'demo', node: String(args.node ?? 'pve1') };
    const risk = risks[tool] ?? 'read';
    const typed = risk === 'destructive' || (risk !== 'read' && (target.tags ?? []).includes('prod'));
    const ruleId = risk === 'read' ? 'reads' : typed ? 'prod-changes-typed' : 'changes-ask';
    emit({ type: 'tool-decision', id, verdict: risk === 'read' ? 'allow' : 'ask', ruleId, decidedBy: `rule:${ruleId}`, target });
    let result = outcome(tool, 'ok', `${tool} done`, `${tool} ${JSON.stringify(args)}: done`);
    if (risk !== 'read') {
      const answer = this.approver
        ? await this.approver.confirm({ tool, title: tool, risk, args, target, confirm: typed ? 'typed' : 'plain', reason: `rule ${ruleId}`, ruleId }, signal)
        : { approved: false, decidedBy: 'default' };
      if (!answer.approved) result = { ...outcome(tool, 'denied', `denied by ${answer.decidedBy}`), verdict: 'deny', decidedBy: answer.decidedBy };
      else if (target.vmid === 105 && tool === 'start_vm') result = { ...outcome(tool, 'failed', "TASK ERROR: you can't start a vm if it's a template"), verdict: 'allow', decidedBy: answer.decidedBy };
      else result = { ...result, verdict: 'allow', decidedBy: answer.decidedBy };
    } else if (tool === 'vm_status') {
      result = outcome(tool, 'ok', 'VM 101 db-01 is stopped', 'vmid 101 db-01 on pve1: stopped, 4 cores, 8192 MiB');
    }
    emit({ type: 'tool-result', id, outcome: result });
    return result;
  }
}
