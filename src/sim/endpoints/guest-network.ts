import crypto from 'node:crypto';
import { ok, type ApiCall, type Route } from '../api/route.js';
import { serverError } from '../server/api-error.js';
import { parsePropertyString } from '../../proxmox/schemas/property-string.js';
import type { GuestType } from '../state/guest-config.js';
import { guestOf } from './lookup.js';

/** A guest's firewall options and a running container's interfaces (`ip -j addr` inside it). */

function firewallOptions(call: ApiCall, type: GuestType) {
  const guest = guestOf(call.sim.cluster, call.params.node, call.params.vmid, type);
  const options = guest.firewall
    ? {
        enable: guest.firewall.enable ? 1 : 0,
        ...(guest.firewall.policyIn ? { policy_in: guest.firewall.policyIn } : {}),
        ...(guest.firewall.policyOut ? { policy_out: guest.firewall.policyOut } : {}),
      }
    : {};
  return ok({ ...options, digest: crypto.createHash('sha1').update(JSON.stringify(options)).digest('hex') });
}

function address(ip: string, family: 'inet' | 'inet6') {
  const [address, prefix] = ip.split('/');
  return { 'ip-address': address!, 'ip-address-type': family, prefix: Number(prefix ?? (family === 'inet' ? 24 : 64)) };
}

/** One entry per netN with its static address (or a stable DHCP lease), after `lo`. */
function containerInterfaces(call: ApiCall) {
  const guest = guestOf(call.sim.cluster, call.params.node, call.params.vmid, 'lxc');
  if (!guest.running) throw serverError(`CT ${guest.vmid} not running`);
  const entries: Array<Record<string, unknown>> = [
    {
      name: 'lo',
      hwaddr: '00:00:00:00:00:00',
      'hardware-address': '00:00:00:00:00:00',
      inet: '127.0.0.1/8',
      inet6: '::1/128',
      'ip-addresses': [address('127.0.0.1/8', 'inet'), address('::1/128', 'inet6')],
    },
  ];
  for (const [key, value] of Object.entries(guest.config)) {
    if (!/^net\d+$/.test(key)) continue;
    const { props } = parsePropertyString(value);
    const mac = (props.get('hwaddr') ?? '').toLowerCase();
    const ip = props.get('ip');
    const inet = ip === 'dhcp' ? `192.168.1.${100 + (guest.vmid % 100)}/24` : ip && ip !== 'manual' ? ip : undefined;
    const ip6 = props.get('ip6');
    const inet6 = ip6 && /\//.test(ip6) ? ip6 : undefined;
    entries.push({
      name: props.get('name') ?? key.replace('net', 'eth'),
      hwaddr: mac,
      'hardware-address': mac,
      ...(inet ? { inet } : {}),
      ...(inet6 ? { inet6 } : {}),
      'ip-addresses': [...(inet ? [address(inet, 'inet')] : []), ...(inet6 ? [address(inet6, 'inet6')] : [])],
    });
  }
  return ok(entries);
}

export const guestNetworkRoutes: Route[] = [
  {
    method: 'GET',
    template: '/nodes/{node}/qemu/{vmid}/firewall/options',
    handler: (call) => firewallOptions(call, 'qemu'),
  },
  {
    method: 'GET',
    template: '/nodes/{node}/lxc/{vmid}/firewall/options',
    handler: (call) => firewallOptions(call, 'lxc'),
  },
  { method: 'GET', template: '/nodes/{node}/lxc/{vmid}/interfaces', handler: containerInterfaces },
];
