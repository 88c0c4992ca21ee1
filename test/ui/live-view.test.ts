import { describe, expect, it } from 'vitest';
import { asciiGlyphs, unicodeGlyphs } from '../../src/ui/glyphs.js';
import { liveLines, type LiveViewState } from '../../src/ui/layout/live-lines.js';
import {
  defaultSort,
  guestsFrom,
  matchesFilter,
  nodesFrom,
  sortBy,
  visibleGuests,
  type LiveGuest,
} from '../../src/ui/live/live-model.js';

const structuredGuests = {
  total: 4,
  guests: [
    { vmid: 101, name: 'db-01', type: 'qemu', node: 'pve1', status: 'stopped', maxmem: 4 * 2 ** 30, tags: ['prod'] },
    {
      vmid: 103,
      name: 'app-01',
      type: 'qemu',
      node: 'pve2',
      status: 'paused',
      pausedBy: 'io-error',
      mem: 2 ** 30,
      maxmem: 2 * 2 ** 30,
      tags: [],
    },
    {
      vmid: 100,
      name: 'web-01',
      type: 'qemu',
      node: 'pve1',
      status: 'running',
      cpu: 0.25,
      mem: 2 ** 29,
      tags: ['prod', 'web'],
    },
    { vmid: 200, name: 'dns', type: 'lxc', node: 'pve1', status: 'running', cpu: 0.01, tags: [] },
    { name: 'no id' },
  ],
};
const structuredNodes = {
  quorate: true,
  nodes: [
    { node: 'pve1', status: 'online', cpu: 0.1, maxcpu: 8, load1: 0.42, mem: 2 ** 33, maxmem: 2 ** 35 },
    { node: 'pve2', status: 'offline' },
  ],
};

const guests = guestsFrom(structuredGuests);
const view = (overrides: Partial<LiveViewState> = {}): LiveViewState => ({
  data: { guests, nodes: nodesFrom(structuredNodes), at: 1000, error: null },
  sort: defaultSort,
  filter: '',
  editingFilter: false,
  selected: null,
  message: null,
  intervalMs: 3000,
  ...overrides,
});
const ids = (rows: LiveGuest[]) => rows.map((guest) => guest.vmid);
const texts = (lines: ReturnType<typeof liveLines>) => lines.map((row) => row.segments.map((s) => s.text).join(''));

describe('the live view data', () => {
  it('takes guests and nodes from the read tools’ structured results, paused with its reason', () => {
    expect(ids(guests)).toEqual([101, 103, 100, 200]);
    expect(guests.find((guest) => guest.vmid === 103)).toMatchObject({ status: 'paused', pausedBy: 'io-error' });
    expect(guests.find((guest) => guest.vmid === 200)?.type).toBe('ct');
    expect(nodesFrom(structuredNodes).map((node) => [node.node, node.status, node.load1])).toEqual([
      ['pve1', 'online', 0.42],
      ['pve2', 'offline', undefined],
    ]);
  });

  it('filters by text, tag, node and status, all words at once', () => {
    expect(ids(guests.filter((guest) => matchesFilter(guest, 'web')))).toEqual([100]);
    expect(ids(guests.filter((guest) => matchesFilter(guest, 'tag:prod')))).toEqual([101, 100]);
    expect(ids(guests.filter((guest) => matchesFilter(guest, 'node:pve1 status:running')))).toEqual([100, 200]);
    expect(ids(guests.filter((guest) => matchesFilter(guest, 'STATUS:Paused')))).toEqual([103]);
    expect(ids(guests.filter((guest) => matchesFilter(guest, '10')))).toEqual([101, 103, 100]);
  });

  it('sorts by a column, the same key again reverses, ties stay in id order', () => {
    expect(ids(visibleGuests(guests, '', defaultSort))).toEqual([100, 101, 103, 200]);
    const byCpu = sortBy(defaultSort, 'CPU');
    expect(ids(visibleGuests(guests, '', byCpu))).toEqual([101, 103, 200, 100]);
    expect(ids(visibleGuests(guests, '', sortBy(byCpu, 'CPU')))).toEqual([100, 200, 101, 103]);
    expect(ids(visibleGuests(guests, '', sortBy(defaultSort, 'NODE')))).toEqual([100, 101, 200, 103]);
  });
});

describe('liveLines', () => {
  it('fills exactly 80x24 with nodes, guests, the marked selection and the keys', () => {
    const lines = liveLines(view({ selected: 103 }), 80, 24, unicodeGlyphs, 4000);
    const rows = texts(lines);
    expect(lines).toHaveLength(24);
    expect(rows.every((row) => row.length <= 80)).toBe(true);
    expect(rows[0]).toMatch(/^live · 4 of 4 guests · by VMID ↑ · every 3s, read 3s ago/);
    expect(rows.some((row) => row.includes('pve1') && row.includes('load 0.42'))).toBe(true);
    expect(rows.some((row) => /VMID↑ +NAME +TYPE +NODE +STATUS +CPU +MEM +TAGS/.test(row))).toBe(true);
    const selected = lines.find((row) => row.segments.some((s) => s.tone === 'cursor'));
    expect(selected?.segments.map((s) => s.text).join('')).toMatch(/103 +app-01 +vm +pve2 +paused \(io-error\)/);
    expect(rows.at(-1)).toMatch(/Enter diagnose/);
  });

  it('drops whole low-value columns at 40 columns and keeps the status', () => {
    const rows = texts(liveLines(view(), 40, 20, asciiGlyphs, 4000));
    expect(rows.every((row) => row.length <= 40)).toBe(true);
    expect(rows.find((row) => row.includes('VMID'))).not.toContain('TAGS');
    expect(rows.some((row) => row.includes('paused (io-error)'))).toBe(true);
  });

  it('shows the filter being typed and the last refresh error', () => {
    const rows = texts(
      liveLines(
        view({ filter: 'tag:prod', editingFilter: true, data: { ...view().data, error: 'list_vms: failed: boom' } }),
        80,
        24,
        unicodeGlyphs,
        4000,
      ),
    );
    expect(rows[0]).toMatch(/2 of 4 guests/);
    expect(rows.some((row) => row.startsWith(' filter: tag:prod'))).toBe(true);
    expect(rows.some((row) => row.includes('! list_vms: failed: boom'))).toBe(true);
  });
});
