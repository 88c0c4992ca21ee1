import type { Preflight, PreflightCheck } from '../../src/core/preflight.js';
import type { ToolContext } from '../../src/core/tool.js';
import type { PowerToolAction as PowerAction } from './power-tool.js';
import { readGuestFacts, type GuestFacts } from './guest-facts.js';
import { guestLabel } from './guests.js';
import {
  bridgesPresent,
  inState,
  memoryFits,
  nodeOnline,
  notTemplate,
  storagesPresent,
  thinPoolRoom,
  unlocked,
  warn,
  type StateRefusal,
} from './preflight-checks.js';
import { haAgentLine, historyLine, riskLines, stateLine } from './preview-lines.js';

const expected: Record<PowerAction, string> = {
  start: 'running',
  shutdown: 'stopped (clean shutdown)',
  reboot: 'running (rebooted)',
  stop: 'stopped (hard power-off)',
};
const haWill: Record<PowerAction, string> = {
  start: 'start it',
  shutdown: 'keep it stopped',
  reboot: 'reboot it',
  stop: 'keep it stopped',
};

const notRunning: StateRefusal = (state, label) =>
  state === 'paused'
    ? { detail: `${label} is paused`, fix: 'resume_vm resumes it' }
    : { detail: `${label} is already running`, fix: 'nothing to do' };
const alreadyStopped: StateRefusal = (_state, label) => ({
  detail: `${label} is already stopped`,
  fix: 'nothing to do',
});
const needsRunning: StateRefusal = (state, label) =>
  state === 'paused'
    ? { detail: `${label} is paused`, fix: 'resume_vm first, or stop_vm' }
    : { detail: `${label} is stopped`, fix: 'start_vm starts it' };

/** What each power action needs to be true of the guest and its node. */
function checksFor(action: PowerAction, facts: GuestFacts): PreflightCheck[] {
  const checks = [nodeOnline(facts.node), unlocked(facts)];
  switch (action) {
    case 'start': {
      checks.push(
        notTemplate(facts, 'clone_vm makes a guest from it; start the clone'),
        inState(facts, ['stopped'], notRunning),
        storagesPresent(facts),
        bridgesPresent(facts),
      );
      if (facts.target.guestType === 'qemu' && facts.config.ok)
        checks.push(
          memoryFits(facts.config.value.memoryMiB, facts.node, guestLabel(facts.target)),
          thinPoolRoom(facts),
        );
      return checks;
    }
    case 'shutdown':
      checks.push(
        inState(facts, ['running'], (state, label) =>
          state === 'paused'
            ? { detail: `${label} is paused - cannot shutdown`, fix: 'resume_vm first, or stop_vm' }
            : alreadyStopped(state, label),
        ),
      );
      if (facts.agent && !facts.agent.ok)
        checks.push(warn('agent', 'the guest agent does not answer: ACPI shutdown may time out'));
      return checks;
    case 'reboot':
      checks.push(inState(facts, ['running'], needsRunning));
      return checks;
    case 'stop':
      checks.push(inState(facts, ['running', 'paused'], alreadyStopped));
      return checks;
  }
}

/** start_vm, shutdown_vm, reboot_vm, stop_vm: the guest, its node, and what the action changes. */
export async function powerPreflight(action: PowerAction, ctx: ToolContext): Promise<Preflight> {
  const facts = await readGuestFacts(ctx, ctx.target!);
  const checks = checksFor(action, facts);
  const now = Math.floor(ctx.now().getTime() / 1000);
  return {
    checks,
    preview: [
      stateLine(facts, expected[action]),
      haAgentLine(facts, haWill[action]),
      historyLine(facts, now),
      ...riskLines(checks),
    ],
  };
}
