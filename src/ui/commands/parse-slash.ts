import { findCommand, type CommandSpec } from './command-table.js';
import type { GuestName } from './complete.js';

export type SlashCommand =
  | { kind: 'tool'; tool: string; args: Record<string, unknown> }
  | { kind: 'audit'; count: number }
  | { kind: 'policy' }
  | { kind: 'model'; name: string | null }
  | { kind: 'clear' }
  | { kind: 'top' }
  | { kind: 'help' }
  | { kind: 'quit' };

export type ParsedSlash = { ok: true; command: SlashCommand } | { ok: false; message: string };

const defaultAuditCount = 20;
const maxAuditCount = 1000;

/**
 * Parses a line that starts with "/" into a command, or a one-line message
 * saying how to write it. A guest may be given by id or by its name in
 * `guests`; a name becomes the id, and the scheduler resolves the id in the
 * cluster as for any call.
 */
export function parseSlash(line: string, guests: readonly GuestName[] = []): ParsedSlash {
  const [head = '', ...words] = line
    .trim()
    .slice(1)
    .split(/\s+/)
    .filter((word) => word !== '');
  const spec = findCommand(head.toLowerCase());
  if (!spec) return { ok: false, message: `unknown command /${head}; /help lists the commands` };
  const usage = (hint: string) => ({ ok: false as const, message: `usage: ${spec.usage} (${hint})` });
  switch (spec.argument) {
    case 'none':
      return words.length === 0 ? { ok: true, command: localOrTool(spec, {}) } : usage('it takes no arguments');
    case 'filter':
      if (words.length > 1) return usage('one word, matched against guest names');
      return { ok: true, command: localOrTool(spec, words[0] === undefined ? {} : { name: words[0] }) };
    case 'vmid':
    case 'vmid-name': {
      const want = spec.argument === 'vmid' ? 1 : 2;
      const found = guestId(words[0], guests);
      if ('message' in found) return { ok: false, message: found.message };
      if (words.length !== want || found.vmid === null)
        return usage(
          spec.argument === 'vmid' ? 'a guest id or name such as 101 or db-01' : 'e.g. /snapshot 101 before-upgrade',
        );
      const vmid = found.vmid;
      return { ok: true, command: localOrTool(spec, spec.argument === 'vmid' ? { vmid } : { vmid, name: words[1] }) };
    }
    case 'optional-vmid': {
      if (words.length === 0) return { ok: true, command: localOrTool(spec, {}) };
      const found = guestId(words[0], guests);
      if ('message' in found) return { ok: false, message: found.message };
      return words.length === 1 && found.vmid !== null
        ? { ok: true, command: localOrTool(spec, { vmid: found.vmid }) }
        : usage('no argument, or a guest id or name such as 101 or db-01');
    }
    case 'optional-node':
      if (words.length === 0) return { ok: true, command: localOrTool(spec, {}) };
      return words.length === 1
        ? { ok: true, command: localOrTool(spec, { node: words[0] }) }
        : usage('no argument, or a node name such as pve1');
    case 'vmid-options':
      return optionsCommand(spec, words, guests);
    case 'node':
      return words.length === 1
        ? { ok: true, command: localOrTool(spec, { node: words[0] }) }
        : usage('a node name such as pve1');
    case 'count': {
      if (words.length === 0) return { ok: true, command: { kind: 'audit', count: defaultAuditCount } };
      const count = /^\d+$/.test(words[0]!) && words.length === 1 ? Number(words[0]) : 0;
      return count >= 1 && count <= maxAuditCount
        ? { ok: true, command: { kind: 'audit', count } }
        : usage(`a count from 1 to ${maxAuditCount}`);
    }
    case 'model':
      return words.length <= 1
        ? { ok: true, command: { kind: 'model', name: words[0] ?? null } }
        : usage('one model name such as qwen3:8b');
  }
}

/** `/network 101 net0 bridge=vmbr0`: the vmid, the positional words, then `key=value` words (a bare key means yes). */
function optionsCommand(spec: CommandSpec, words: readonly string[], guests: readonly GuestName[]): ParsedSlash {
  const usage = { ok: false as const, message: `usage: ${spec.usage} (${spec.summary})` };
  const found = guestId(words[0], guests);
  if ('message' in found) return { ok: false, message: found.message };
  const vmid = found.vmid;
  const positional = spec.positional ?? [];
  if (vmid === null || words.length < 1 + positional.length) return usage;
  const args: Record<string, unknown> = { vmid };
  positional.forEach((name, index) => (args[name] = words[1 + index]));
  for (const word of words.slice(1 + positional.length)) {
    const [key = '', value] = word.split('=', 2);
    const name = spec.options?.[key.toLowerCase()];
    if (!name) return { ok: false, message: `unknown option '${key}'; usage: ${spec.usage}` };
    args[name] = optionValue(value);
  }
  return { ok: true, command: { kind: 'tool', tool: spec.tool!, args } };
}

/** Numbers as numbers, yes/no/true/false as booleans; the tool's schema checks the rest. */
function optionValue(value: string | undefined): unknown {
  if (value === undefined) return true;
  if (/^\d+$/.test(value)) return Number(value);
  if (/^(yes|true|on)$/i.test(value)) return true;
  if (/^(no|false|off)$/i.test(value)) return false;
  return value;
}

/** The id a word names: an id as written, or the one guest of that name; ambiguous names are refused. */
function guestId(
  word: string | undefined,
  guests: readonly GuestName[],
): { vmid: number | null } | { message: string } {
  const named = word === undefined ? [] : guests.filter((guest) => guest.name === word);
  if (named.length > 1)
    return {
      message: `${named.length} guests are named ${word} (${named.map((g) => g.vmid).join(', ')}); give the id`,
    };
  return { vmid: named.length === 1 ? named[0]!.vmid : parseVmid(word) };
}

function localOrTool(spec: CommandSpec, args: Record<string, unknown>): SlashCommand {
  if (spec.tool) return { kind: 'tool', tool: spec.tool, args };
  return { kind: spec.name as 'policy' | 'clear' | 'help' | 'quit' | 'top' };
}

/** Proxmox guest ids are integers from 100 to 999999999. */
function parseVmid(word: string | undefined): number | null {
  if (word === undefined || !/^\d{3,9}$/.test(word)) return null;
  const vmid = Number(word);
  return vmid >= 100 ? vmid : null;
}
