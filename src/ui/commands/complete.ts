import { commandTable, findCommand } from './command-table.js';

/** A guest as completion knows it: its id and, when it has one, its name. */
export interface GuestName {
  vmid: number;
  name?: string;
}

export interface CompletionSources {
  guests: readonly GuestName[];
  nodes: readonly string[];
}

export interface Completion {
  text: string;
  /** The choices when more than one fits, names beside ids ("100 web-01"); empty otherwise. */
  candidates: string[];
}

interface Choice {
  value: string;
  shown: string;
}

/** Tab completion of a slash command's name and of its guest (id or name) or node argument. */
export function complete(text: string, sources: CompletionSources): Completion {
  const none = { text, candidates: [] };
  if (!text.startsWith('/')) return none;
  const words = text.slice(1).split(' ');
  if (words.length === 1)
    return extend(
      '/',
      words[0]!,
      commandTable.map((command) => ({ value: command.name, shown: command.name })),
    );
  if (words.length !== 2) return none;
  const spec = findCommand(words[0]!);
  if (!spec) return none;
  const head = `/${words[0]} `;
  if (
    spec.argument === 'vmid' ||
    spec.argument === 'optional-vmid' ||
    spec.argument === 'vmid-name' ||
    spec.argument === 'vmid-options'
  )
    return extend(
      head,
      words[1]!,
      guestChoices(sources.guests, words[1]!),
      spec.argument === 'vmid-name' || spec.argument === 'vmid-options' ? ' ' : '',
    );
  if (spec.argument === 'node' || spec.argument === 'optional-node')
    return extend(
      head,
      words[1]!,
      sources.nodes.map((node) => ({ value: node, shown: node })),
      '',
    );
  return none;
}

/** Ids for a partial id, names for a partial name; each shown with the other beside it. */
function guestChoices(guests: readonly GuestName[], partial: string): Choice[] {
  const byId = /^\d*$/.test(partial);
  return guests.flatMap((guest) => {
    const shown = guest.name ? `${guest.vmid} ${guest.name}` : String(guest.vmid);
    if (byId) return [{ value: String(guest.vmid), shown }];
    return guest.name ? [{ value: guest.name, shown }] : [];
  });
}

function extend(head: string, partial: string, options: readonly Choice[], after = ' '): Completion {
  const matches = options.filter((option) => option.value.startsWith(partial));
  const values = [...new Set(matches.map((match) => match.value))].sort();
  if (values.length === 0) return { text: head + partial, candidates: [] };
  if (values.length === 1) return { text: `${head}${values[0]}${after}`, candidates: [] };
  const shown = [...new Set(matches.map((match) => match.shown))].sort();
  return { text: head + commonPrefix(values), candidates: shown };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
