/** Proxmox task ids (pve-common PVE::UPID): `UPID:node:pid:pstart:starttime:type:id:user:`, hex upper case, trailing colon. */
export interface UpidFields {
  node: string;
  pid: number;
  pstart: number;
  /** Unix seconds. */
  starttime: number;
  type: string;
  id: string;
  /** User or token id that started the task. */
  user: string;
}

const upidPattern =
  /^UPID:([a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):([0-9A-Fa-f]{8}):([^:\s/]+):([^:\s/]*):([^:\s/]+):$/;

const hex8 = (value: number) => value.toString(16).toUpperCase().padStart(8, '0');

export function formatUpid(fields: UpidFields): string {
  return `UPID:${fields.node}:${hex8(fields.pid)}:${hex8(fields.pstart)}:${hex8(fields.starttime)}:${fields.type}:${fields.id}:${fields.user}:`;
}

export function parseUpid(upid: string): UpidFields | undefined {
  const match = upidPattern.exec(upid);
  if (!match) return undefined;
  const [, node, pid, pstart, starttime, type, id, user] = match as unknown as string[];
  return { node: node!, pid: parseInt(pid!, 16), pstart: parseInt(pstart!, 16), starttime: parseInt(starttime!, 16), type: type!, id: id!, user: user! };
}
