import { fenceAsData } from '../src/core/fence.js';
import { defineTool } from '../src/core/tool.js';
import { ToolInputError } from './support/tool-input-error.js';
import { decidedGuestTarget, guestLabel, guestRef, resolveGuestTarget } from './support/guests.js';
import { guestArgs } from './support/schemas.js';

export const guestAgentInfo = defineTool({
  name: 'guest_agent_info',
  title: 'Guest agent information',
  description: 'The OS and IP addresses the QEMU guest agent of a running VM reports.',
  input: guestArgs,
  risk: 'read',
  target: (args, ctx) => resolveGuestTarget(ctx, args.vmid, args.node),
  async run(args, ctx) {
    const target = await decidedGuestTarget(ctx, args.vmid, args.node);
    if (target.guestType !== 'qemu')
      throw new ToolInputError(`${guestLabel(target)} is a container; the guest agent exists only for VMs`);
    const guest = guestRef(target);
    const [os, net] = await Promise.all([
      ctx.proxmox.guests.agentOsInfo(guest, { signal: ctx.signal }),
      ctx.proxmox.guests.agentInterfaces(guest, { signal: ctx.signal }),
    ]);
    const interfaces = net.filter((iface) => iface.name !== 'lo');
    const lines = interfaces.map((iface) =>
      `${iface.name} ${iface['hardware-address'] ?? ''} ${(iface['ip-addresses'] ?? []).map((ip) => `${ip['ip-address']}/${ip.prefix}`).join(' ')}`.trim(),
    );
    const osName = os['pretty-name'] ?? os.name ?? 'unknown OS';
    return {
      text: `${guestLabel(target)}, as its guest agent reports:\n${fenceAsData(
        `the guest agent of ${guestLabel(target)}`,
        [`os: ${osName}${os['kernel-release'] ? `, kernel ${os['kernel-release']}` : ''}`, ...lines],
      )}`,
      summary: `${guestLabel(target)}: ${osName}`,
      structured: { ...target, os, interfaces },
    };
  },
});
