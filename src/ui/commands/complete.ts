import { commandTable, findCommand } from './command-table.js';

export interface CompletionSources {
  vmids: readonly number[];
  nodes: readonly string[];
}

export interface Completion {
  text: string;
  /** The choices when more than one fits (shown to the user); empty otherwise. */
  candidates: string[];
}

/** Tab completion of a slash command's name and of its guest id or node argument. */
export function complete(text: string, sources: CompletionSources): Completion {
  const none = { text, candidates: [] };
  if (!text.startsWith('/')) return none;
  const words = text.slice(1).split(' ');
  if (words.length === 1)
    return extend(
      '/',
      words[0]!,
      commandTable.map((command) => command.name),
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
      sources.vmids.map(String),
      spec.argument === 'vmid-name' || spec.argument === 'vmid-options' ? ' ' : '',
    );
  if (spec.argument === 'node' || spec.argument === 'optional-node')
    return extend(head, words[1]!, [...sources.nodes], '');
  return none;
}

function extend(head: string, partial: string, options: readonly string[], after = ' '): Completion {
  const matches = [...new Set(options.filter((option) => option.startsWith(partial)))].sort();
  if (matches.length === 0) return { text: head + partial, candidates: [] };
  if (matches.length === 1) return { text: `${head}${matches[0]}${after}`, candidates: [] };
  return { text: head + commonPrefix(matches), candidates: matches };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
