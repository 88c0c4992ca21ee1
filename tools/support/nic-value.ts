/**
 * A QEMU NIC's property string (`virtio=BC:24:11:3C:71:0A,bridge=vmbr1,firewall=1,tag=20`)
 * with its bridge and VLAN tag changed; model, MAC and every other property
 * stay as they were, in their order.
 */
export function withBridgeAndVlan(value: string, change: { bridge?: string; vlan?: number }): string {
  const parts = value.split(',').filter((part) => part !== '');
  const set = (key: string, next: string | undefined) => {
    const at = parts.findIndex((part) => part.startsWith(`${key}=`));
    if (next === undefined) {
      if (at >= 0) parts.splice(at, 1);
    } else if (at >= 0) parts[at] = `${key}=${next}`;
    else parts.push(`${key}=${next}`);
  };
  if (change.bridge !== undefined) set('bridge', change.bridge);
  if (change.vlan !== undefined) set('tag', change.vlan === 0 ? undefined : String(change.vlan));
  return parts.join(',');
}

/** The `tag=` of a NIC, if any. */
export function vlanOf(value: string): number | undefined {
  const tag = /(?:^|,)tag=(\d+)/.exec(value)?.[1];
  return tag === undefined ? undefined : Number(tag);
}
