import { defineTool } from '../src/core/tool.js';
import { ToolInputError } from './support/tool-input-error.js';
import { guestLabel, guestPath, decidedGuestTarget, resolveGuestTarget } from './support/guests.js';
import { guestArgs } from './support/schemas.js';

interface OsInfo {
  'pretty-name'?: string;
  name?: string;
  'kernel-release'?: string;
}

interface Interface {
  name: string;
  'hardware-address'?: string;
  'ip-addresses'?: Array<{ 'ip-address': string; prefix: number; 'ip-address-type': string }>;
}

export const guestAgentInfo = defineTool({
  name: 'guest_agent_info',
  title: 'Guest agent information',
  description:
    'Ask the QEMU guest agent inside a running VM for its OS and IP addresses. VMs only, with the agent running.',
  input: guestArgs,
  risk: 'read',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    if (target.guestType !== 'qemu')
      throw new ToolInputError(`${guestLabel(target)} is a container; the guest agent exists only for VMs`);
    const base = `${guestPath(target)}/agent`;
    const [os, net] = await Promise.all([
      ctx.proxmox.get<{ result: OsInfo }>(`${base}/get-osinfo`, {}, { signal: ctx.signal }),
      ctx.proxmox.get<{ result: Interface[] }>(`${base}/network-get-interfaces`, {}, { signal: ctx.signal }),
    ]);
    const interfaces = net.result.filter((iface) => iface.name !== 'lo');
    const lines = interfaces.map((iface) =>
      `${iface.name} ${iface['hardware-address'] ?? ''} ${(iface['ip-addresses'] ?? []).map((ip) => `${ip['ip-address']}/${ip.prefix}`).join(' ')}`.trim(),
    );
    const osName = os.result['pretty-name'] ?? os.result.name ?? 'unknown OS';
    return {
      text: `${guestLabel(target)}: ${osName}${os.result['kernel-release'] ? `, kernel ${os.result['kernel-release']}` : ''}\n${lines.join('\n')}`,
      summary: `${guestLabel(target)}: ${osName}`,
      structured: { ...target, os: os.result, interfaces },
    };
  },
});
