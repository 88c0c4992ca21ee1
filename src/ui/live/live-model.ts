/**
 * The live view's data: guests and nodes as the read tools' structured
 * results give them (list_vms and list_nodes through the pipeline, audited as
 * reads), filtered and sorted for the table. Pure, so it is tested and
 * benchmarked without a screen.
 */

export interface LiveGuest {
  vmid: number;
  name: string;
  type: 'vm' | 'ct';
  node: string;
  /** running, stopped, paused, template, ... */
  status: string;
  /** The QMP reason of a paused VM, e.g. io-error. */
  pausedBy?: string;
  /** Fraction of the guest's CPUs in use. */
  cpu?: number;
  mem?: number;
  maxmem?: number;
  tags: string[];
  lock?: string;
}

export interface LiveNode {
  node: string;
  status: string;
  cpu?: number;
  maxcpu?: number;
  load1?: number;
  mem?: number;
  maxmem?: number;
}

export interface LiveData {
  guests: LiveGuest[];
  nodes: LiveNode[];
  /** When the data was read (ms), or null before the first read. */
  at: number | null;
  /** The last refresh's failure, in one line. */
  error: string | null;
}

export const emptyLiveData: LiveData = { guests: [], nodes: [], at: null, error: null };

export const liveColumns = ['VMID', 'NAME', 'TYPE', 'NODE', 'STATUS', 'CPU', 'MEM', 'TAGS'] as const;
export type LiveColumn = (typeof liveColumns)[number];

export interface LiveSort {
  column: LiveColumn;
  descending: boolean;
}

export const defaultSort: LiveSort = { column: 'VMID', descending: false };

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The guests of list_vms's structured result; items without an id are left out. */
export function guestsFrom(structured: Record<string, unknown> | undefined): LiveGuest[] {
  const items = record(structured).guests;
  if (!Array.isArray(items)) return [];
  const guests: LiveGuest[] = [];
  for (const item of items) {
    const g = record(item);
    const vmid = num(g.vmid);
    if (vmid === undefined) continue;
    const pausedBy = str(g.pausedBy);
    const cpu = num(g.cpu);
    const mem = num(g.mem);
    const maxmem = num(g.maxmem);
    const lock = str(g.lock);
    guests.push({
      vmid,
      name: str(g.name) ?? '',
      type: g.type === 'lxc' ? 'ct' : 'vm',
      node: str(g.node) ?? '',
      status: g.template === true ? 'template' : (str(g.status) ?? 'unknown'),
      ...(pausedBy ? { pausedBy } : {}),
      ...(cpu !== undefined ? { cpu } : {}),
      ...(mem !== undefined ? { mem } : {}),
      ...(maxmem !== undefined ? { maxmem } : {}),
      tags: Array.isArray(g.tags) ? g.tags.filter((tag): tag is string => typeof tag === 'string') : [],
      ...(lock ? { lock } : {}),
    });
  }
  return guests;
}

/** The nodes of list_nodes's structured result. */
export function nodesFrom(structured: Record<string, unknown> | undefined): LiveNode[] {
  const items = record(structured).nodes;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item): LiveNode[] => {
    const n = record(item);
    const node = str(n.node);
    if (!node) return [];
    const fields = {
      cpu: num(n.cpu),
      maxcpu: num(n.maxcpu),
      load1: num(n.load1),
      mem: num(n.mem),
      maxmem: num(n.maxmem),
    };
    return [
      {
        node,
        status: str(n.status) ?? 'unknown',
        ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      },
    ];
  });
}

/**
 * A filter as typed: words that must all match; `tag:`, `node:` and
 * `status:` words match that field exactly, any other word a part of the
 * name or the id.
 */
export function matchesFilter(guest: LiveGuest, filter: string): boolean {
  for (const word of filter.toLowerCase().split(/\s+/)) {
    if (word === '') continue;
    const [key, value = ''] = word.includes(':')
      ? [word.slice(0, word.indexOf(':')), word.slice(word.indexOf(':') + 1)]
      : [];
    if (key === 'tag') {
      if (!guest.tags.some((tag) => tag.toLowerCase() === value)) return false;
    } else if (key === 'node') {
      if (guest.node.toLowerCase() !== value) return false;
    } else if (key === 'status') {
      if (guest.status.toLowerCase() !== value) return false;
    } else if (!guest.name.toLowerCase().includes(word) && !String(guest.vmid).includes(word)) return false;
  }
  return true;
}

function sortKey(guest: LiveGuest, column: LiveColumn): string | number {
  switch (column) {
    case 'VMID':
      return guest.vmid;
    case 'NAME':
      return guest.name.toLowerCase();
    case 'TYPE':
      return guest.type;
    case 'NODE':
      return guest.node;
    case 'STATUS':
      return guest.status;
    case 'CPU':
      return guest.cpu ?? -1;
    case 'MEM':
      return guest.mem ?? -1;
    case 'TAGS':
      return guest.tags.join(',');
  }
}

/** The guests the filter keeps, in the sort's order (ties by id, so rows never swap between refreshes). */
export function visibleGuests(guests: readonly LiveGuest[], filter: string, sort: LiveSort): LiveGuest[] {
  const direction = sort.descending ? -1 : 1;
  return guests
    .filter((guest) => matchesFilter(guest, filter))
    .sort((a, b) => {
      const x = sortKey(a, sort.column);
      const y = sortKey(b, sort.column);
      if (x !== y) return (x < y ? -1 : 1) * direction;
      return a.vmid - b.vmid;
    });
}

/** The next sort after pressing a column's key: that column ascending, or the same column reversed. */
export function sortBy(current: LiveSort, column: LiveColumn): LiveSort {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: false };
}
