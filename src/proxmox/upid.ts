import { InvalidUpidError } from './errors.js';

/** A Proxmox task id, e.g. `UPID:pve1:001A2B3C:0A4F21C3:69F07A96:qmstart:100:root@pam:` (trailing colon included). */
export type UpidString = string;

export interface Upid {
  node: string;
  pid: number;
  pstart: number;
  /** Unix seconds. */
  starttime: number;
  type: string;
  /** The object the task works on, usually a vmid; may be empty. */
  id: string;
  /** The user or token id that started the task. */
  user: string;
}

// The pattern of pve-common's PVE::Tools::upid_decode; pstart has 8 or 9 hex digits.
const upidPattern =
  /^UPID:([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

export function parseUpid(upid: string): Upid {
  const match = upidPattern.exec(upid);
  if (!match) throw new InvalidUpidError(upid);
  const [, node, pid, pstart, starttime, type, id, user] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    node,
    pid: parseInt(pid, 16),
    pstart: parseInt(pstart, 16),
    starttime: parseInt(starttime, 16),
    type,
    id,
    user,
  };
}

export function isUpid(value: string): value is UpidString {
  return upidPattern.test(value);
}

export function formatUpid(upid: Upid): UpidString {
  const hex8 = (value: number) => value.toString(16).toUpperCase().padStart(8, '0');
  return `UPID:${upid.node}:${hex8(upid.pid)}:${hex8(upid.pstart)}:${hex8(upid.starttime)}:${upid.type}:${upid.id}:${upid.user}:`;
}
