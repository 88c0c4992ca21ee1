import type { ElicitRequestFormParams, ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { guestLabel } from '../src/core/target-label.js';
import type { ConfirmRequest } from '../src/core/approver.js';
import type { Target } from '../src/core/tool.js';

const typedField = 'confirmation';

/**
 * The elicitation form for one confirmation: the tool, the target resolved
 * from the cluster and the validated arguments (never the model's own account
 * of them). A plain confirmation is the form itself (accept runs the call); a
 * typed one asks for the vmid or name to be typed back.
 */
export function confirmForm(request: ConfirmRequest): ElicitRequestFormParams {
  const lines = [
    `proxmox-ai asks you to confirm: ${request.title} (${request.tool}, risk ${request.risk})`,
    `target: ${describeTarget(request.target)}`,
    `arguments: ${JSON.stringify(request.args)}`,
    `why: ${request.reason}`,
    ...(request.preview ?? []),
  ];
  if (request.confirm === 'plain') {
    return {
      mode: 'form',
      message: [...lines, 'Accept to run it, decline to refuse.'].join('\n'),
      requestedSchema: { type: 'object', properties: {} },
    };
  }
  const words = typedWords(request);
  return {
    mode: 'form',
    message: [...lines, `Type ${words.join(' or ')} to run it; decline to refuse.`].join('\n'),
    requestedSchema: {
      type: 'object',
      properties: { [typedField]: { type: 'string', title: `Type ${words.join(' or ')} to confirm`, minLength: 1 } },
      required: [typedField],
    },
  };
}

/** Whether an accepted typed form carries the vmid or name (or, for a target without either, the node or tool name). */
export function typedMatches(request: ConfirmRequest, content: ElicitResult['content']): boolean {
  const typed = content?.[typedField];
  return typeof typed === 'string' && typedWords(request).includes(typed.trim());
}

function typedWords({ target, tool }: ConfirmRequest): string[] {
  const guest = [target.vmid !== undefined ? String(target.vmid) : undefined, target.name].filter(
    (word): word is string => Boolean(word),
  );
  if (guest.length > 0) return guest;
  return [target.node ?? tool];
}

function describeTarget(target: Target): string {
  const parts = [
    target.vmid !== undefined ? guestLabel(target) : undefined,
    target.node ? `node ${target.node}` : undefined,
    target.tags?.length ? `tags ${target.tags.join(',')}` : undefined,
    `profile ${target.profile}`,
    target.cluster ? `cluster ${target.cluster}` : undefined,
  ];
  return parts.filter(Boolean).join(', ');
}
