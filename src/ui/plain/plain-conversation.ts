import type { AgentEvent } from '../../core/agent/events.js';
import type { TuiBackend } from '../backend.js';
import { auditLines, helpLines, modelLines, policyLines } from '../commands/format-output.js';
import { parseSlash } from '../commands/parse-slash.js';
import { dataForPeople } from '../text/data-for-people.js';
import { TerminalTextFilter, terminalText } from '../../shared/terminal-text.js';
import { LineApprover } from './line-approver.js';
import { LineReader } from './line-reader.js';

export interface PlainIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

/**
 * The conversation as plain lines, for terminals that cannot draw a screen
 * (TERM=dumb, screen readers, serial consoles) and for `--plain`: a prompt,
 * the answer as it streams, one line per tool call, slash commands as in the
 * TUI, confirmations as a question answered with a line. Safety: all outside
 * text passes the one terminal sanitizer, the streamed answer through one
 * filter for the whole stream (docs/architecture.md, "Safety rules").
 */
export async function plainConversation(backend: TuiBackend, io: PlainIo): Promise<number> {
  const out = (text: string) => void io.stdout.write(text);
  const reader = new LineReader(io.stdin, io.stdout);
  backend.setApprover(new LineApprover(reader, out));
  const banner = backend.modelBanner();
  const header = backend.header();
  out(
    `proxmox-ai, profile ${terminalText(header.profile)}, model ${terminalText(header.model ?? 'none')}, policy ${header.policyMode}\n`,
  );
  if (banner) out(`! ${terminalText(banner)}\n`);
  out('/help lists the commands, /quit ends.\n');
  for (;;) {
    const line = await reader.next('> ');
    if (line === null) break;
    const text = line.trim();
    if (text === '') continue;
    if (text === '/quit') break;
    await answer(backend, text, out);
  }
  reader.close();
  backend.setApprover(null);
  return 0;
}

async function answer(backend: TuiBackend, text: string, out: (text: string) => void): Promise<void> {
  const signal = new AbortController().signal;
  const lines = (title: string, rows: readonly string[]) =>
    out(`${title}\n${rows.map((row) => `  ${terminalText(row)}\n`).join('')}`);
  try {
    if (!text.startsWith('/')) {
      if (backend.modelBanner()) return out(`! ${terminalText(backend.modelBanner()!)}\n`);
      const shown = { text: '', answer: new TerminalTextFilter() };
      await backend.ask(text, { emit: (event) => show(event, out, shown), onStepLimit: async () => 'wrap-up' }, signal);
      if (!shown.text.endsWith('\n')) out('\n');
      return;
    }
    const parsed = parseSlash(text, backend.completions().guests);
    if (!parsed.ok) return out(`! ${parsed.message}\n`);
    const { command } = parsed;
    switch (command.kind) {
      case 'help':
        return lines('Commands and keys', helpLines());
      case 'policy':
        return lines('Policy', policyLines(backend.policySummary()));
      case 'audit':
        return lines(`Audit trail, last ${command.count} records`, auditLines(await backend.auditTail(command.count)));
      case 'model':
        if (command.name === null) return lines('Model', modelLines(backend.header()));
        await backend.setModel(command.name);
        return out(`Model switched to ${terminalText(backend.header().model ?? command.name)}.\n`);
      case 'clear':
        backend.clearConversation();
        return out('New conversation; the audit trail goes on.\n');
      case 'quit':
        return;
      case 'top':
        return out('! The live view needs the full screen; /vms and /nodes list the same here.\n');
      case 'tool': {
        const outcome = await backend.callTool(command.tool, command.args, { emit: () => undefined }, signal);
        out(`[${outcome.tool}: ${outcome.status}: ${terminalText(outcome.summary)}]\n`);
        if (outcome.status !== 'denied' && outcome.text.trim() !== outcome.summary.trim())
          out(`${terminalText(dataForPeople(outcome.text))}\n`);
        return;
      }
    }
  } catch (error) {
    out(`! ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
  }
}

function show(
  event: AgentEvent,
  out: (text: string) => void,
  shown: { text: string; answer: TerminalTextFilter },
): void {
  const write = (text: string) => {
    out(text);
    shown.text = (shown.text + text).slice(-2);
  };
  switch (event.type) {
    case 'text':
      return write(shown.answer.write(event.delta));
    case 'tool-result': {
      const { outcome } = event;
      const lead = shown.text === '' || shown.text.endsWith('\n') ? '' : '\n';
      return write(`${lead}[${outcome.tool}: ${outcome.status}: ${terminalText(outcome.summary)}]\n\n`);
    }
    case 'notice':
    case 'error':
      return write(`\n! ${terminalText(event.message)}\n`);
    default:
      return;
  }
}
