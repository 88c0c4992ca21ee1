import { describe, expect, it } from 'vitest';
import { asciiGlyphs, unicodeGlyphs } from '../../src/ui/glyphs.js';
import type { Line } from '../../src/ui/layout/line.js';
import { MarkdownView, lastBoundary } from '../../src/ui/markdown/markdown-view.js';

const text = (lines: Line[]) => lines.map((row) => row.segments.map((segment) => segment.text).join(''));
const render = (markdown: string, width = 60, open = false) =>
  text(new MarkdownView(unicodeGlyphs).lines('e1', markdown, open, width));

const answer = [
  '## VM 101 (db-01)',
  '',
  'It is **stopped**: its *last start* failed.',
  '',
  '- bridge `vmbr1` is missing',
  '- node **pve1**',
  '  1. check the network',
  '',
  '| Guest | Node | Status |',
  '|---|---|---|',
  '| web-01 | pve1 | running |',
  '| db-01 | pve1 | stopped |',
  '',
  '```sh',
  'qm set 101 --net0 virtio,bridge=vmbr0',
  '```',
].join('\n');

describe('markdown in the transcript', () => {
  it('renders headings, emphasis, lists, tables and code without markers', () => {
    expect(render(answer)).toEqual([
      'VM 101 (db-01)',
      '',
      'It is stopped: its last start failed.',
      '',
      '• bridge vmbr1 is missing',
      '• node pve1',
      '  1. check the network',
      '',
      'Guest  │ Node │ Status',
      '───────────────────────',
      'web-01 │ pve1 │ running',
      'db-01  │ pve1 │ stopped',
      '',
      '  qm set 101 --net0 virtio,bridge=vmbr0',
    ]);
  });

  it('gives the words their tone: heading, strong, emphasis, code', () => {
    const lines = new MarkdownView(unicodeGlyphs).lines('e1', answer, false, 60);
    const tones = (row: number) => lines[row]!.segments.map((segment) => [segment.text.trim(), segment.tone]);
    expect(tones(0)).toEqual([['VM 101 (db-01)', 'heading']]);
    expect(tones(2)).toContainEqual(['stopped', 'strong']);
    expect(tones(2)).toContainEqual(['last start', 'emphasis']);
    expect(tones(4)).toContainEqual(['vmbr1', 'code']);
  });

  it('fits a wide table to 40 columns by wrapping the widest cells, and drops to records when it cannot', () => {
    const table = [
      '| VMID | Problem | Fix |',
      '|---|---|---|',
      '| 101 | bridge vmbr1 does not exist on pve1 | create vmbr1 or move net0 to vmbr0 |',
    ].join('\n');
    const rows = render(table, 40);
    expect(rows.every((row) => row.length <= 40)).toBe(true);
    expect(rows.join(' ')).toContain('vmbr1');
    const many = `| ${'abcdefgh | '.repeat(8)}\n|${'---|'.repeat(8)}\n| ${'1 | '.repeat(8)}`;
    const records = render(many, 40);
    expect(records[0]).toBe('abcdefgh: 1');
    expect(records.every((row) => row.length <= 40)).toBe(true);
  });

  it('puts a long command in a code span on its own row, whole', () => {
    const rows = render('Run `qm set 101 --net0 virtio,bridge=vmbr0` and then start it again.', 40);
    expect(rows).toContain('qm set 101 --net0 virtio,bridge=vmbr0');
  });

  it('breaks a command wider than the screen so it still pastes as one command', () => {
    const rows = render('```\nqm set 101 --net0 virtio,bridge=vmbr0,firewall=1 --memory 4096 --cores 4\n```', 40);
    expect(rows.every((row) => row.length <= 40)).toBe(true);
    expect(rows[0]!.endsWith(' \\')).toBe(true);
    const joined = rows.map((row) => row.trim().replace(/ \\$/, '')).join(' ');
    expect(joined).toBe('qm set 101 --net0 virtio,bridge=vmbr0,firewall=1 --memory 4096 --cores 4');
  });

  it('does not draw a table that is still arriving, then draws it once whole', () => {
    const view = new MarkdownView(unicodeGlyphs);
    const partial = 'Guests:\n\n| Guest | Node |\n|---|---|\n| web-01 | pve1 |\n';
    expect(text(view.lines('e1', partial, true, 60))).toEqual(['Guests:', '', '(a table is arriving…)']);
    expect(text(view.lines('e1', `${partial}| analytics | pve1 |`, false, 60))).toEqual([
      'Guests:',
      '',
      'Guest     │ Node',
      '────────────────',
      'web-01    │ pve1',
      'analytics │ pve1',
    ]);
  });

  it('lays a finished block out once while later text streams', () => {
    const view = new MarkdownView(unicodeGlyphs);
    const first = view.lines('e1', 'One **block**.\n\nAnd the next', true, 60);
    const later = view.lines('e1', 'One **block**.\n\nAnd the next one grows', true, 60);
    expect(later[0]).toBe(first[0]);
    expect(text(later)).toEqual(['One block.', '', 'And the next one grows']);
  });

  it('never splits inside a code fence, even at blank lines', () => {
    const code = '```\na\n\nb\n```\n\nAfter';
    expect(lastBoundary(code)).toBe(code.indexOf('After'));
    expect(lastBoundary('```\na\n\nb')).toBe(0);
  });

  it('strips escape sequences the model wrote', () => {
    expect(render('**bold\u001b[2J**')).toEqual(['bold']);
  });

  it('draws with ASCII only when the locale is not UTF-8', () => {
    const rows = text(new MarkdownView(asciiGlyphs).lines('e1', '- one\n\n| A | B |\n|---|---|\n| 1 | 2 |', false, 40));
    expect(rows).toEqual(['* one', '', 'A | B', '-----', '1 | 2']);
  });
});
