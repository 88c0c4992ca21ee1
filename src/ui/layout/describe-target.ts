import type { Target } from '../../core/tool.js';
import { sanitizeText } from '../text/sanitize.js';

/** "101 db-01 @ pve1": what a call acts on, in the words of a tool card. */
export function shortTarget(target: Target | undefined, args: Record<string, unknown>): string {
  if (!target) return compactArgs(args);
  const guest = [target.vmid, target.name === undefined ? undefined : sanitizeText(target.name)]
    .filter((part) => part !== undefined)
    .join(' ');
  const node = target.node === undefined ? '' : `@ ${sanitizeText(target.node)}`;
  return [guest, node].filter((part) => part !== '').join(' ');
}

/** Every fact of a resolved target, for the dialog and expanded cards. */
export function targetFacts(target: Target): Array<[string, string]> {
  const facts: Array<[string, string]> = [['profile', target.profile]];
  if (target.cluster !== undefined) facts.push(['cluster', target.cluster]);
  if (target.node !== undefined) facts.push(['node', target.node]);
  if (target.vmid !== undefined) facts.push(['vmid', String(target.vmid)]);
  if (target.name !== undefined) facts.push(['name', target.name]);
  if (target.guestType !== undefined) facts.push(['type', target.guestType]);
  facts.push(['tags', target.tags && target.tags.length > 0 ? target.tags.join(', ') : '(none)']);
  return facts.map(([label, value]) => [label, sanitizeText(value)]);
}

export function compactArgs(args: Record<string, unknown>): string {
  const json = JSON.stringify(args);
  return json === '{}' ? '' : sanitizeText(json);
}
