import crypto from 'node:crypto';
import type { Cluster } from '../state/cluster.js';
import { configNics } from '../../proxmox/schemas/property-string.js';
import { guestDisks, type ConfigValue } from '../state/guest-config.js';
import { guestUsage } from '../state/metrics.js';
import type { GuestState } from '../state/model.js';

type Item = Record<string, unknown>;

// Config keys whose schema type is integer or boolean: those go out as numbers, everything else as strings (qemu-server check_type).
const numericKeys = {
  qemu: new Set([
    'acpi',
    'autostart',
    'balloon',
    'cores',
    'cpuunits',
    'freeze',
    'keephugepages',
    'kvm',
    'localtime',
    'migrate_speed',
    'numa',
    'onboot',
    'protection',
    'reboot',
    'shares',
    'sockets',
    'tablet',
    'template',
    'vcpus',
  ]),
  lxc: new Set([
    'console',
    'cores',
    'cpuunits',
    'debug',
    'memory',
    'onboot',
    'protection',
    'swap',
    'template',
    'tty',
    'unprivileged',
  ]),
};

/**
 * GET .../config: the stored keys with their wire types, name/tags/lock/template
 * from the guest, and the file's SHA-1 digest; pending changes applied unless
 * `current` asks for the running configuration.
 */
export function guestConfig(guest: GuestState, current = false): Item {
  const numeric = numericKeys[guest.type];
  const config = storedConfig(guest);
  if (!current)
    for (const [key, value] of Object.entries(guest.pending)) {
      if (value === '') delete config[key];
      else config[key] = value;
    }
  const wire: Item = { digest: configDigest(guest) };
  for (const [key, value] of Object.entries(config))
    wire[key] = numeric.has(key) && /^-?\d+$/.test(String(value)) ? Number(value) : String(value);
  return wire;
}

function storedConfig(guest: GuestState): Record<string, ConfigValue> {
  const config: Record<string, ConfigValue> = {
    ...guest.config,
    [guest.type === 'qemu' ? 'name' : 'hostname']: guest.name,
  };
  if (guest.tags.length > 0) config.tags = guest.tags.join(';');
  if (guest.lock) config.lock = guest.lock;
  if (guest.template) config.template = 1;
  if (guest.parentSnapshot) config.parent = guest.parentSnapshot;
  return config;
}

/** SHA-1 of the config file as written: the current keys, then the [PENDING] section. */
export function configDigest(guest: GuestState): string {
  const lines = Object.entries(storedConfig(guest)).map(([key, value]) => `${key}: ${value}`);
  const pending = Object.entries(guest.pending).map(([key, value]) =>
    value === '' ? `delete: ${key}` : `${key}: ${value}`,
  );
  const text = [...lines, ...(pending.length > 0 ? ['[PENDING]', ...pending] : [])].join('\n');
  return crypto.createHash('sha1').update(text).digest('hex');
}

/** An item of GET /nodes/{node}/qemu or /lxc; `full` adds what only QMP knows (qmpstatus, blockstat, ...). */
export function guestListItem(cluster: Cluster, guest: GuestState, full: boolean): Item {
  const usage = guestUsage(guest, cluster.nodes.get(guest.node), cluster.nowSeconds());
  const item: Item = {
    vmid: guest.vmid,
    ...(guest.type === 'lxc' ? { type: 'lxc' } : {}),
    name: guest.name,
    status: guest.running ? 'running' : 'stopped',
  };
  if (guest.pid !== null) item.pid = guest.pid;
  Object.assign(item, {
    uptime: usage.uptime,
    cpus: usage.maxcpu,
    cpu: usage.cpu,
    maxmem: usage.maxmem,
    mem: usage.mem,
    ...(guest.type === 'qemu' ? { memhost: usage.mem } : { maxswap: 512 * 1024 ** 2, swap: 0 }),
    maxdisk: usage.maxdisk,
    disk: usage.disk,
    netin: usage.netin,
    netout: usage.netout,
    ...(guest.type === 'lxc' ? { diskread: usage.diskread, diskwrite: usage.diskwrite } : {}),
    ...pressure(guest),
  });
  if (guest.tags.length > 0) item.tags = guest.tags.join(';');
  if (guest.lock) item.lock = guest.lock;
  if (guest.template) item.template = 1;
  if (full && guest.type === 'qemu')
    Object.assign(
      item,
      qmpDetails(guest, usage.diskread, usage.diskwrite, usage.netin, usage.netout, usage.maxmem, usage.mem),
    );
  return item;
}

/** GET .../status/current: the full list item plus HA and agent flags. */
export function guestCurrentStatus(cluster: Cluster, guest: GuestState): Item {
  const item = guestListItem(cluster, guest, true);
  const ha = guest.ha
    ? { managed: 1, state: guest.ha.state, ...(guest.ha.group ? { group: guest.ha.group } : {}) }
    : { managed: 0 };
  const agent = guest.type === 'qemu' && agentConfigured(guest) ? { agent: 1 } : {};
  return { ...item, ha, ...agent };
}

export function agentConfigured(guest: GuestState): boolean {
  const raw = guest.config.agent;
  if (raw === undefined) return false;
  const text = String(raw);
  return /^(1|enabled=1)(,|$)/.test(text) || /(^|,)enabled=1(,|$)/.test(text);
}

function pressure(guest: GuestState): Item {
  const value = guest.type === 'qemu' ? 0 : '0.00';
  const keys = [
    'pressurecpusome',
    'pressurecpufull',
    'pressureiosome',
    'pressureiofull',
    'pressurememorysome',
    'pressurememoryfull',
  ];
  return Object.fromEntries(keys.map((key) => [key, value]));
}

function qmpDetails(
  guest: GuestState,
  diskread: number,
  diskwrite: number,
  netin: number,
  netout: number,
  maxmem: number,
  mem: number,
): Item {
  if (!guest.running) return { qmpstatus: 'stopped', diskread: 0, diskwrite: 0 };
  const nics = Object.fromEntries(
    configNics('qemu', guest.config).map((nic) => [`tap${guest.vmid}i${nic.key.slice(3)}`, { netin, netout }]),
  );
  const disks = guestDisks('qemu', guest.config).filter((disk) => !disk.cdrom && !/^(efidisk|tpmstate)/.test(disk.key));
  const blockstat = Object.fromEntries(
    disks.map((disk, index) => [
      disk.key,
      index === 0 ? { rd_bytes: diskread, wr_bytes: diskwrite } : { rd_bytes: 0, wr_bytes: 0 },
    ]),
  );
  return {
    qmpstatus: guest.qmpstatus,
    diskread,
    diskwrite,
    nics,
    blockstat,
    balloon: maxmem,
    freemem: maxmem - mem,
    ballooninfo: { actual: maxmem, max_mem: maxmem, total_mem: maxmem - 130_000_000, free_mem: maxmem - mem },
    'running-machine': 'pc-q35-10.1+pve0',
    'running-qemu': '10.1.2',
    'proxmox-support': { 'pbs-dirty-bitmap': true, 'query-bitmap-info': true },
  };
}
