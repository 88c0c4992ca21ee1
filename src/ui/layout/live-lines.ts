import type { Glyphs } from '../glyphs.js';
import {
  liveColumns,
  visibleGuests,
  type LiveColumn,
  type LiveData,
  type LiveGuest,
  type LiveNode,
  type LiveSort,
} from '../live/live-model.js';
import { sanitizeText } from '../text/sanitize.js';
import { cellWidth } from '../text/cell-width.js';
import { truncateText } from '../text/wrap.js';
import { blankLine, line, span, type Line, type Tone } from './line.js';

export interface LiveViewState {
  data: LiveData;
  sort: LiveSort;
  filter: string;
  /** Whether keys go to the filter (after `/`, until Enter or Esc). */
  editingFilter: boolean;
  /** The selected guest, kept by id across refreshes. */
  selected: number | null;
  /** The last power action's or diagnosis's one-line result. */
  message: { text: string; tone: Tone } | null;
  intervalMs: number;
  /** The filtered, sorted guests when the caller has them already (kept between frames, so keys cost little). */
  rows?: LiveGuest[];
}

/** Columns a narrow terminal misses least, dropped whole in this order. */
const dropOrder: LiveColumn[] = ['TAGS', 'TYPE', 'CPU', 'MEM'];

/** The guest the selection points at in the visible rows: the same id, or the first row. */
export function selectedIndex(rows: readonly LiveGuest[], selected: number | null): number {
  const at = rows.findIndex((guest) => guest.vmid === selected);
  return at >= 0 ? at : 0;
}

function bytes(value: number | undefined): string {
  if (value === undefined) return '-';
  const units = ['B', 'K', 'M', 'G', 'T'];
  let amount = value;
  let unit = 0;
  while (amount >= 1024 && unit < units.length - 1) {
    amount /= 1024;
    unit++;
  }
  return `${amount >= 10 || unit === 0 ? Math.round(amount) : amount.toFixed(1)}${units[unit]}`;
}

const percent = (value: number | undefined) => (value === undefined ? '-' : `${Math.round(value * 100)}%`);

const cellsOf = new WeakMap<LiveGuest, Record<LiveColumn, string>>();
const fitOf = new WeakMap<readonly LiveGuest[], Map<number, ReturnType<typeof fitColumns>>>();

/** A guest's cells, laid out once per read (guests are new objects only when the data is read again). */
function guestCells(guest: LiveGuest): Record<LiveColumn, string> {
  const known = cellsOf.get(guest);
  if (known) return known;
  const cells = layoutCells(guest);
  cellsOf.set(guest, cells);
  return cells;
}

/** The columns that fit `width` for these rows, computed once per rows and width. */
function fittedColumns(rows: readonly LiveGuest[], cells: ReadonlyArray<Record<LiveColumn, string>>, width: number) {
  const byWidth = fitOf.get(rows) ?? new Map<number, ReturnType<typeof fitColumns>>();
  fitOf.set(rows, byWidth);
  const known = byWidth.get(width);
  if (known) return known;
  const fitted = fitColumns(cells, width);
  byWidth.set(width, fitted);
  return fitted;
}

function layoutCells(guest: LiveGuest): Record<LiveColumn, string> {
  const live = guest.status === 'running' || guest.status === 'paused';
  return {
    VMID: String(guest.vmid),
    NAME: sanitizeText(guest.name) || '-',
    TYPE: guest.type,
    NODE: sanitizeText(guest.node),
    STATUS: sanitizeText(guest.pausedBy ? `${guest.status} (${guest.pausedBy})` : guest.status),
    CPU: guest.status === 'running' ? percent(guest.cpu) : '-',
    MEM: live ? `${bytes(guest.mem)}/${bytes(guest.maxmem)}` : bytes(guest.maxmem),
    TAGS: sanitizeText([guest.tags.join(','), guest.lock ? `lock:${guest.lock}` : ''].filter(Boolean).join(' ')) || '-',
  };
}

function statusTone(status: string): Tone {
  if (status === 'running' || status === 'online') return 'ok';
  if (status === 'paused' || status === 'unknown') return 'warning';
  if (status === 'offline') return 'error';
  return 'dim';
}

function nodeLine(node: LiveNode, width: number): Line {
  const online = node.status === 'online';
  const cells = [
    sanitizeText(node.node).padEnd(10),
    node.status.padEnd(8),
    `cpu ${online ? percent(node.cpu) : '-'}`.padEnd(9),
    `load ${online && node.load1 !== undefined ? node.load1.toFixed(2) : '-'}`.padEnd(11),
    `mem ${online ? `${bytes(node.mem)}/${bytes(node.maxmem)}` : '-'}`,
  ];
  const text = truncateText(` ${cells.join(' ')}`, width, '…');
  const head = truncateText(` ${cells[0]} `, width, '…');
  return line(
    span(head, 'strong'),
    text.length > head.length && span(text.slice(head.length, head.length + 8), statusTone(node.status)),
    text.length > head.length + 8 && span(text.slice(head.length + 8)),
  );
}

function fitColumns(rows: ReadonlyArray<Record<LiveColumn, string>>, width: number) {
  const widths = new Map<LiveColumn, number>(
    liveColumns.map((column) => [column, Math.max(cellWidth(column), ...rows.map((row) => cellWidth(row[column])))]),
  );
  const shown = [...liveColumns];
  const total = () => 2 + shown.reduce((sum, column) => sum + widths.get(column)! + 2, 0);
  for (const column of dropOrder) {
    if (total() <= width) break;
    shown.splice(shown.indexOf(column), 1);
  }
  return { shown, widths };
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - cellWidth(text)));
}

/** The hints that fit, whole; the least needed (at the end) go first. */
function hintLine(editing: boolean, width: number, glyphs: Glyphs): Line {
  const hints = editing
    ? ['Enter keep filter', 'Esc clear filter', 'tag:, node:, status: match fields']
    : ['↑↓ select', 'Enter diagnose', '/ filter', '1-8 sort', 'u/d/x/b power', 'Esc back'];
  const ascii = glyphs.separator !== '·';
  const shown = hints.map((hint) => (ascii ? hint.replace('↑↓', 'Up/Down') : hint));
  const sep = ` ${glyphs.separator} `;
  while (shown.length > 1 && shown.join(sep).length + 1 > width) shown.splice(shown.length - 2, 1);
  return line(span(` ${shown.join(sep)}`, 'dim'));
}

/**
 * The live view, exactly `height` rows of at most `width` cells: a title,
 * the nodes, the guest table (the selected row marked and kept in view), the
 * filter or the last result, and the keys.
 */
export function liveLines(view: LiveViewState, width: number, height: number, glyphs: Glyphs, now: number): Line[] {
  const { data, sort } = view;
  const rows = view.rows ?? visibleGuests(data.guests, view.filter, sort);
  const arrow = sort.descending ? (glyphs.separator === '·' ? '↓' : 'v') : glyphs.separator === '·' ? '↑' : '^';
  const age = data.at === null ? 'reading…' : `${Math.max(0, Math.round((now - data.at) / 1000))}s ago`;
  const title = `live ${glyphs.separator} ${rows.length} of ${data.guests.length} guests ${glyphs.separator} by ${sort.column} ${arrow} ${glyphs.separator} every ${Math.round(view.intervalMs / 1000)}s, read ${age}`;
  const out: Line[] = [line(span(truncateText(title, width, glyphs.ellipsis), 'heading'))];

  const nodeRows = data.nodes.slice(0, Math.max(0, Math.min(data.nodes.length, Math.floor((height - 6) / 3))));
  for (const node of nodeRows) out.push(nodeLine(node, width));
  if (nodeRows.length < data.nodes.length)
    out.push(line(span(` (${data.nodes.length - nodeRows.length} more nodes)`, 'dim')));

  const cells = rows.map(guestCells);
  const { shown, widths } = fittedColumns(rows, cells, width);
  const headerText = `  ${shown.map((column, index) => pad(`${column}${sort.column === column ? arrow : ''}`, index === shown.length - 1 ? 0 : widths.get(column)! + 2)).join('')}`;
  out.push(line(span(truncateText(headerText, width, glyphs.ellipsis), 'heading')));

  const footer: Line[] = [];
  if (view.editingFilter || view.filter !== '')
    footer.push(
      line(
        span(' filter: ', 'dim'),
        span(truncateText(sanitizeText(view.filter), Math.max(1, width - 12), glyphs.ellipsis)),
        view.editingFilter && span(' ', 'cursor'),
      ),
    );
  if (data.error !== null) footer.push(line(span(truncateText(` ! ${data.error}`, width, glyphs.ellipsis), 'error')));
  else if (view.message !== null)
    footer.push(line(span(truncateText(` ${view.message.text}`, width, glyphs.ellipsis), view.message.tone)));
  footer.push(hintLine(view.editingFilter, width, glyphs));

  const room = Math.max(1, height - out.length - footer.length);
  const at = selectedIndex(rows, view.selected);
  const first = Math.min(Math.max(0, at - Math.floor(room / 2)), Math.max(0, rows.length - room));
  const body: Line[] = [];
  if (rows.length === 0)
    body.push(line(span(data.at === null ? ' reading the cluster…' : ' no guest matches the filter', 'dim')));
  rows.slice(first, first + room).forEach((guest, offset) => {
    const row = cells[first + offset]!;
    const chosen = first + offset === at;
    const text = shown
      .map((column, index) => (index === shown.length - 1 ? row[column] : pad(row[column], widths.get(column)! + 2)))
      .join('');
    const lead = chosen ? `${glyphs.focus} ` : '  ';
    if (chosen)
      return body.push(line(span(lead, 'tool'), span(truncateText(text, width - 2, glyphs.ellipsis), 'cursor')));
    const statusAt = shown.indexOf('STATUS');
    if (statusAt < 0) return body.push(line(span(truncateText(lead + text, width, glyphs.ellipsis))));
    const before = shown.slice(0, statusAt).reduce((sum, column) => sum + widths.get(column)! + 2, 0);
    const full = truncateText(lead + text, width, glyphs.ellipsis);
    const statusEnd = 2 + before + cellWidth(row.STATUS);
    body.push(
      line(
        span(full.slice(0, 2 + before)),
        span(full.slice(2 + before, statusEnd), statusTone(guest.status)),
        span(full.slice(statusEnd)),
      ),
    );
  });
  while (body.length < room) body.push(blankLine);
  return [...out, ...body, ...footer].slice(0, height);
}
