import { formatPropertyString, parsePropertyString } from '../../src/proxmox/schemas/property-string.js';

/**
 * A QEMU NIC's property string (`virtio=BC:24:11:3C:71:0A,bridge=vmbr1,firewall=1,tag=20`)
 * with its bridge and VLAN tag changed; model, MAC and every other property
 * stay as they were, in their order.
 */
export function withBridgeAndVlan(value: string, change: { bridge?: string; vlan?: number }): string {
  const nic = parsePropertyString(value);
  if (change.bridge !== undefined) nic.props.set('bridge', change.bridge);
  if (change.vlan === 0) nic.props.delete('tag');
  else if (change.vlan !== undefined) nic.props.set('tag', String(change.vlan));
  return formatPropertyString(nic);
}

/** The `bridge=` of a NIC, if any. */
export function bridgeOf(value: string): string | undefined {
  return parsePropertyString(value).props.get('bridge');
}

/** The `tag=` of a NIC, if any. */
export function vlanOf(value: string): number | undefined {
  const tag = parsePropertyString(value).props.get('tag');
  return tag === undefined || !/^\d+$/.test(tag) ? undefined : Number(tag);
}
