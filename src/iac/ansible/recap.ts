/** Per-host results of an ansible-playbook run, read from the default callback's output. */

export interface HostRecap {
  host: string;
  ok: number;
  changed: number;
  unreachable: number;
  failed: number;
  skipped: number;
  rescued: number;
  ignored: number;
  /** Tasks that changed (or would change, in check mode) something on this host. */
  changedTasks: string[];
  /** The failing tasks and their messages; outside text. */
  failures: Array<{ task: string; message: string }>;
}

export interface PlaybookRecap {
  hosts: HostRecap[];
  /** `ERROR! ...` lines: the run did not get as far as a recap (syntax, missing file, bad inventory). */
  errors: string[];
}

const recapLine =
  /^(\S+)\s+:\s+ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)(?:\s+skipped=(\d+))?(?:\s+rescued=(\d+))?(?:\s+ignored=(\d+))?/;
const taskLine = /^(?:TASK|RUNNING HANDLER) \[(.*)\] \*+$/;
const resultLine = /^(fatal|failed|changed): \[([^\]]+)\](?: \(item=.*?\))?(?:: (FAILED!|UNREACHABLE!))?(?: => (.*))?$/;

export function parseRecap(output: string): PlaybookRecap {
  const perHost = new Map<string, { changedTasks: string[]; failures: Array<{ task: string; message: string }> }>();
  const entry = (host: string) => perHost.get(host) ?? perHost.set(host, { changedTasks: [], failures: [] }).get(host)!;
  const hosts: HostRecap[] = [];
  const errors: string[] = [];
  let task = '';
  let inRecap = false;
  const lines = output.split('\n');
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    const taskMatch = taskLine.exec(line);
    if (taskMatch) task = taskMatch[1]!;
    if (line.startsWith('PLAY RECAP')) inRecap = true;
    if (line.startsWith('ERROR! ')) errors.push(line.slice(7));
    const result = resultLine.exec(line);
    if (result && !inRecap) {
      const [, kind, host, , detail] = result;
      if (kind === 'changed') {
        if (!entry(host!).changedTasks.includes(task)) entry(host!).changedTasks.push(task);
      } else if (lines[index + 1]?.trim() !== '...ignoring') {
        entry(host!).failures.push({ task, message: messageOf(detail) });
      }
    }
    const recap = inRecap ? recapLine.exec(line) : null;
    if (recap) {
      const [, host, ok, changed, unreachable, failed, skipped, rescued, ignored] = recap;
      hosts.push({
        host: host!,
        ok: +ok!,
        changed: +changed!,
        unreachable: +unreachable!,
        failed: +failed!,
        skipped: +(skipped ?? 0),
        rescued: +(rescued ?? 0),
        ignored: +(ignored ?? 0),
        ...entry(host!),
      });
    }
  });
  return { hosts, errors };
}

/** Ansible's result JSON names the problem in `msg` (or stderr / reason); else the raw text. */
function messageOf(detail: string | undefined): string {
  if (!detail) return '(no message)';
  try {
    const parsed = JSON.parse(detail) as Record<string, unknown>;
    const text = [parsed.msg, parsed.stderr, parsed.reason, parsed.module_stderr].find(
      (value) => typeof value === 'string' && value.trim() !== '',
    );
    return oneLine(typeof text === 'string' ? text : detail);
  } catch {
    return oneLine(detail);
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

/** The compact lines a person (and the model) reads: one per host, then its failures and changes. */
export function describeRecap(recap: PlaybookRecap): string[] {
  const lines = recap.errors.map((error) => `ERROR: ${error}`);
  for (const host of recap.hosts) {
    lines.push(
      `${host.host}: ok=${host.ok} changed=${host.changed} unreachable=${host.unreachable} failed=${host.failed} skipped=${host.skipped}`,
    );
    for (const failure of host.failures) lines.push(`  FAILED "${failure.task}": ${failure.message}`);
    if (host.changedTasks.length > 0)
      lines.push(`  changed: ${host.changedTasks.map((name) => `"${name}"`).join(', ')}`);
  }
  return lines;
}
