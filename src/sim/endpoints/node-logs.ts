import crypto from 'node:crypto';
import { ok, type ApiCall, type Route } from '../api/route.js';
import type { JournalEntry } from '../state/model.js';

const defaultLines = 50;

/** `2026-11-20 03:00[:00]` as the syslog endpoint takes it (UTC, as the simulated nodes run). */
function parseDay(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const [day, time = '00:00:00'] = String(value).split(' ');
  return Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}Z`);
}

/** GET /nodes/{node}/syslog: `journalctl -o short` lines as `{n, t}`, oldest first, paged by start/limit. */
function syslog({ sim, params }: ApiCall) {
  const since = parseDay(params.since);
  const until = parseDay(params.until);
  const service = params.service === undefined ? undefined : String(params.service);
  const lines = sim.cluster.journal
    .of(String(params.node))
    .filter((entry) => (since === undefined || entry.ts >= since) && (until === undefined || entry.ts <= until))
    .filter((entry) => service === undefined || new RegExp(` ${escapeRegExp(service)}(\\[\\d+\\])?: `).test(entry.line))
    .map((entry) => entry.line);
  if (lines.length === 0) return ok([{ n: 1, t: 'no content' }], { total: 1 });
  const start = Number(params.start ?? 0);
  const limit = Number(params.limit || defaultLines);
  return ok(
    lines.slice(start, start + limit).map((t, index) => ({ n: start + index + 1, t })),
    { total: lines.length },
  );
}

/**
 * GET /nodes/{node}/journal: not the usual envelope. mini-journalreader's
 * output, gzip-encoded: a start cursor, the lines, an end cursor, `success: 1`.
 */
function journal({ sim, params }: ApiCall) {
  const node = String(params.node);
  const entries = sim.cluster.journal.of(node);
  let first = 0;
  let last = entries.length;
  const since = params.since === undefined ? undefined : Number(params.since) * 1000;
  const until = params.until === undefined ? undefined : Number(params.until) * 1000;
  if (params.startcursor !== undefined) first = cursorIndex(String(params.startcursor)) + 1;
  if (params.endcursor !== undefined) last = Math.min(last, cursorIndex(String(params.endcursor)));
  let picked = entries
    .slice(first, last)
    .map((entry, offset) => ({ entry, index: first + offset }))
    .filter(({ entry }) => (since === undefined || entry.ts >= since) && (until === undefined || entry.ts <= until));
  const wanted =
    params.lastentries !== undefined
      ? Number(params.lastentries)
      : params.startcursor === undefined && since === undefined
        ? defaultLines
        : undefined;
  if (wanted !== undefined) picked = picked.slice(Math.max(0, picked.length - wanted));
  const head = picked[0] ?? { entry: entries.at(-1), index: entries.length - 1 };
  const tail = picked.at(-1) ?? head;
  const data = [
    cursor(node, head.index, head.entry),
    ...picked.map(({ entry }) => entry.line),
    cursor(node, tail.index, tail.entry),
  ];
  return { body: { data, success: 1 }, gzip: true };
}

function cursor(node: string, index: number, entry: JournalEntry | undefined): string {
  const seed = crypto.createHash('sha256').update(node).digest('hex');
  const micros = Math.max(0, Math.round((entry?.ts ?? 0) * 1000));
  return `s=${seed.slice(0, 32)};i=${(index + 1).toString(16)};b=${seed.slice(32, 64)};m=${(index * 1_000_003).toString(16)};t=${micros.toString(16)};x=${seed.slice(8, 24)}`;
}

function cursorIndex(value: string): number {
  const match = /(?:^|;)i=([0-9a-f]+)/.exec(value);
  return match ? parseInt(match[1]!, 16) - 1 : -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export const nodeLogRoutes: Route[] = [
  { method: 'GET', template: '/nodes/{node}/syslog', handler: syslog },
  { method: 'GET', template: '/nodes/{node}/journal', handler: journal },
];
