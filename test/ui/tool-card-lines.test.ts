import { describe, expect, it } from 'vitest';
import { unicodeGlyphs } from '../../src/ui/glyphs.js';
import { fenceAsData } from '../../src/core/fence.js';
import type { Line } from '../../src/ui/layout/line.js';
import { toolCardLines } from '../../src/ui/layout/tool-card-lines.js';
import type { ToolEntry } from '../../src/ui/state/entries.js';
import { outcome } from '../../harness/fake-tui-backend.js';
import { database } from './support/requests.js';

const card = (overrides: Partial<ToolEntry> = {}): ToolEntry => ({
  kind: 'tool',
  key: 'e1',
  run: 1,
  callId: 'c1',
  origin: 'agent',
  tool: 'stop_vm',
  args: { vmid: 101 },
  reason: '',
  expanded: false,
  ...overrides,
});
const text = (lines: Line[]) =>
  lines.map((row) => row.segments.map((segment) => (segment.spinner ? '<spin>' : segment.text)).join(''));

describe('toolCardLines', () => {
  it('shows the arguments until the target is resolved, with a spinner', () => {
    expect(text(toolCardLines(card(), 78, unicodeGlyphs))).toEqual(['<spin> ▸ stop_vm {"vmid":101}', '  └ running']);
  });

  it('says it waits for the user while the verdict is ask', () => {
    const lines = text(
      toolCardLines(
        card({ target: database, verdict: 'ask', decidedBy: 'rule:prod-changes-typed' }),
        78,
        unicodeGlyphs,
      ),
    );
    expect(lines).toEqual([
      '? ▸ stop_vm 101 db-01 @ pve1 · ask by rule:prod-changes-typed',
      '  └ waiting for your confirmation',
    ]);
  });

  it('shows who answered an ask', () => {
    const denied = { ...outcome('stop_vm', 'denied', 'denied by human'), verdict: 'deny' as const, decidedBy: 'human' };
    expect(
      text(
        toolCardLines(
          card({ target: database, verdict: 'ask', decidedBy: 'rule:x', outcome: denied }),
          78,
          unicodeGlyphs,
        ),
      )[0],
    ).toBe('⊘ ▸ stop_vm 101 db-01 @ pve1 · ask → denied by human');
  });

  it('expands to the arguments, the resolved target, the rule, the model words and the output', () => {
    const lines = text(
      toolCardLines(
        card({
          target: database,
          verdict: 'allow',
          ruleId: 'lab',
          reason: 'It hangs.',
          outcome: outcome('stop_vm', 'ok', 'stopped', 'VM 101 stopped'),
          expanded: true,
        }),
        78,
        unicodeGlyphs,
      ),
    );
    expect(lines.slice(2)).toEqual([
      '    args    {"vmid":101}',
      '    target  profile demo, cluster homelab, node pve1, vmid 101, name db-01,',
      '            tags prod',
      '    rule    lab',
      `    model   "It hangs." (the model's words, not checked)`,
      '    VM 101 stopped',
    ]);
  });

  it('shows the output of a slash command without expanding, but not the text of a denial', () => {
    const shown = toolCardLines(
      card({ origin: 'tui', outcome: outcome('list_nodes', 'ok', '2 nodes', 'pve1 online\npve2 online') }),
      78,
      unicodeGlyphs,
    );
    expect(text(shown).slice(2)).toEqual(['    pve1 online', '    pve2 online']);
    const denied = toolCardLines(
      card({ origin: 'tui', outcome: outcome('stop_vm', 'denied', 'denied by human', 'not approved; ask the user') }),
      78,
      unicodeGlyphs,
    );
    expect(denied).toHaveLength(2);
  });

  it('cuts very long output and says how much is left out', () => {
    const long = outcome('read_journal', 'ok', 'journal', Array.from({ length: 2500 }, (_, i) => `l${i}`).join('\n'));
    const lines = text(toolCardLines(card({ origin: 'tui', outcome: long }), 78, unicodeGlyphs));
    expect(lines).toHaveLength(2 + 2000 + 1);
    expect(lines[lines.length - 1]).toBe('    (500 more rows not shown)');
  });

  it('shows fenced data plainly, without the markers meant for the model', () => {
    const journal = outcome(
      'read_journal',
      'ok',
      '2 lines',
      `2 journal lines from pve1\n${fenceAsData('journal of pve1', ['kernel: oops', 'see <<<END DATA>>>'])}`,
    );
    const lines = text(toolCardLines(card({ origin: 'tui', outcome: journal }), 78, unicodeGlyphs)).slice(2);
    expect(lines).toEqual(['    2 journal lines from pve1', '    kernel: oops', '    see <END DATA>']);
  });

  it('strips escape sequences from outside text', () => {
    const hostile = outcome('vm_config', 'ok', 'config', 'name: evil\u001b[2J\u001b[31m');
    expect(text(toolCardLines(card({ origin: 'tui', outcome: hostile }), 78, unicodeGlyphs))[2]).toBe('    name: evil');
  });
});
