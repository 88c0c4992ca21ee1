import type { Command } from 'commander';

/** The shells `proxmox-ai completion SHELL` writes a script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish'] as const;
export type CompletionShell = (typeof COMPLETION_SHELLS)[number];

/** One command of the tree as the completion scripts see it: its path of names, what may follow it (subcommands
 * and argument choices) and its long options. */
interface CommandNode {
  path: string[];
  description: string;
  subcommands: string[];
  options: string[];
}

/**
 * A completion script for the command tree, generated from the same commander definitions that
 * `--help` prints, so the two cannot drift apart. Completes command names, subcommand names and
 * long options at every level.
 */
export function completionScript(program: Command, shell: CompletionShell): string {
  const nodes = commandNodes(program);
  switch (shell) {
    case 'bash':
      return bashScript(nodes);
    case 'zsh':
      return zshScript(nodes);
    case 'fish':
      return fishScript(nodes);
  }
}

function commandNodes(program: Command): CommandNode[] {
  const nodes: CommandNode[] = [];
  const globals = longOptions(program);
  const walk = (command: Command, path: string[]): void => {
    const visible = command.commands.filter((sub) => !isHidden(sub));
    nodes.push({
      path,
      description: command.description(),
      subcommands: [
        ...visible.map((sub) => sub.name()),
        ...command.registeredArguments.flatMap((argument) => argument.argChoices ?? []),
      ],
      options: [...new Set([...longOptions(command), ...globals, '--help'])],
    });
    for (const sub of visible) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return nodes;
}

function longOptions(command: Command): string[] {
  return command.options.flatMap((option) => (option.long && !option.hidden ? [option.long] : []));
}

function isHidden(command: Command): boolean {
  return (command as unknown as { _hidden?: boolean })._hidden === true;
}

/** A key naming a command's path, as the shell functions track it while reading the words typed so far. */
function pathKey(path: string[]): string {
  return path.join(':');
}

/** `case` patterns that step from a command to one of its subcommands, with the path they lead to. */
function descents(nodes: CommandNode[]): Array<{ pattern: string; to: string }> {
  return nodes.flatMap((node) =>
    node.subcommands.map((sub) => ({ pattern: `${pathKey(node.path)}/${sub}`, to: pathKey([...node.path, sub]) })),
  );
}

/** What may be typed next at each command: its subcommands and its long options. */
function candidates(node: CommandNode): string {
  return [...node.subcommands, ...node.options].join(' ');
}

/** The body shared by bash and zsh (zsh reserves `path` and `words`, so the names avoid them). */
function posixFunction(nodes: CommandNode[], typed: { first: number; word: string; current: string }): string {
  const steps = descents(nodes).map(({ pattern, to }) => `"${pattern}") at="${to}" ;;`);
  const arms = nodes.map((node) => `"${pathKey(node.path)}") next="${candidates(node)}" ;;`);
  return `  local at="" next="" i
  for ((i = ${typed.first}; i < ${typed.current}; i++)); do
    case "$at/${typed.word}" in
      ${steps.join('\n      ')}
    esac
  done
  case "$at" in
    ${arms.join('\n    ')}
  esac`;
}

function bashScript(nodes: CommandNode[]): string {
  const body = posixFunction(nodes, { first: 1, word: '${COMP_WORDS[i]}', current: 'COMP_CWORD' });
  return `# bash completion for proxmox-ai: add  source <(proxmox-ai completion bash)  to ~/.bashrc
_proxmox_ai() {
${body}
  COMPREPLY=($(compgen -W "$next" -- "\${COMP_WORDS[COMP_CWORD]}"))
}
complete -o default -F _proxmox_ai proxmox-ai
`;
}

function zshScript(nodes: CommandNode[]): string {
  const body = posixFunction(nodes, { first: 2, word: '${words[i]}', current: 'CURRENT' });
  return `#compdef proxmox-ai
# zsh completion for proxmox-ai: add  source <(proxmox-ai completion zsh)  to ~/.zshrc, after compinit
_proxmox_ai() {
${body}
  compadd -- \${=next}
}
compdef _proxmox_ai proxmox-ai
`;
}

function fishScript(nodes: CommandNode[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const steps = descents(nodes).map(({ pattern, to }) => `      case ${quote(pattern)}\n        set at ${quote(to)}`);
  const lines = [
    '# fish completion for proxmox-ai: proxmox-ai completion fish > ~/.config/fish/completions/proxmox-ai.fish',
    '# __proxmox_ai_at PATH: true when the words typed so far lead to that command path',
    'function __proxmox_ai_at',
    "  set -l at ''",
    '  for word in (commandline -opc)[2..-1]',
    '    switch "$at/$word"',
    ...steps,
    '    end',
    '  end',
    '  test "$at" = "$argv[1]"',
    'end',
    'complete -c proxmox-ai -f',
  ];
  for (const node of nodes) {
    const condition = quote(`__proxmox_ai_at ${quote(pathKey(node.path))}`);
    for (const sub of node.subcommands) {
      const child = nodes.find((other) => pathKey(other.path) === pathKey([...node.path, sub]));
      lines.push(`complete -c proxmox-ai -n ${condition} -a ${sub} -d ${quote(shortDescription(child))}`);
    }
    for (const option of node.options) lines.push(`complete -c proxmox-ai -n ${condition} -l ${option.slice(2)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** fish shows one short phrase beside each candidate: the description up to its first clause break. */
function shortDescription(node: CommandNode | undefined): string {
  return (node?.description ?? '').split(/[:;(]/)[0]!.trim();
}
