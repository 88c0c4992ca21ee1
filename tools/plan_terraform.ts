import { defineTool } from '../src/core/tool.js';
import { describePlan } from '../src/iac/terraform/plan-summary.js';
import { planVmRequest } from '../src/iac/terraform/plan-vm.js';
import { installHint } from '../src/iac/terraform/preview.js';
import { vmRequestSchema } from '../src/iac/terraform/vm-request.js';
import { requireIac } from './support/session-ports.js';
import { fenceAsData } from '../src/core/fence.js';
import { nodeTarget } from './support/guests.js';

export const planTerraform = defineTool({
  name: 'plan_terraform',
  title: 'Plan new VMs with Terraform',
  description:
    'Turn a request for new VMs into Terraform (bpg/proxmox provider), checked against the live cluster first, and plan it. Returns the HCL and either a real plan with a planId (for apply_terraform) or, when Terraform/OpenTofu cannot run here, a preview clearly marked as not a plan. Changes nothing in the cluster. Arguments: name (VM name; with count > 1 the VMs are NAME-1, NAME-2); node (e.g. "pve1"); cloneVmid (template id to clone) or iso (e.g. "local:iso/debian-13.iso"); cores; memoryMiB (4 GiB = 4096); bridge (e.g. "vmbr0"); optional: disks ([{storage, sizeGiB}]), vlan, ciUser, sshKeys (public key lines), ipConfig ("dhcp" or "192.168.1.60/24,gw=192.168.1.1"), tags, count (default 1), vmid (first id; default next free).',
  input: vmRequestSchema,
  risk: 'read',
  cacheable: false,
  target: async (args, ctx) => ({ ...nodeTarget(ctx, args.node), name: args.name }),
  async run(args, ctx) {
    const iac = requireIac(ctx);
    const result = await planVmRequest(args, {
      iac,
      proxmox: ctx.proxmox,
      signal: ctx.signal,
      progress: (message) => ctx.progress(message),
    });
    const vms = result.resolved.vms.map((vm) => `${vm.name} (VM ${vm.vmid})`).join(', ');
    const header = `Validated against the cluster: node ${args.node}, bridge ${args.bridge}, storage, ${args.cloneVmid !== undefined ? `template ${args.cloneVmid}` : `ISO ${args.iso}`}, free ids; VMs: ${vms}.\nHCL written to ${result.file} (checked: parses, only documented bpg/proxmox attributes):\n${result.hcl}`;
    const base = {
      name: args.name,
      node: args.node,
      workspace: result.file,
      hcl: result.hcl,
      vms: result.resolved.vms,
    };
    if (result.kind === 'planned') {
      const lines = describePlan(result.summary);
      return {
        text: `${header}\nPLAN (${result.program} plan ran): ${lines.join('\n')}\nTo apply it, call apply_terraform with planId "${result.planId}" (asks for confirmation).`,
        summary: `planned ${args.name}: ${result.summary.line}`,
        structured: {
          ...base,
          planned: true,
          planId: result.planId,
          risk: result.summary.risk,
          changes: result.summary.changes,
        },
      };
    }
    const output = result.output.length > 0 ? `\n${fenceAsData('terraform output', result.output)}` : '';
    return {
      text: `${header}\nNO PLAN RAN (${result.why}). PREVIEW, worked out by proxmox-ai from the live cluster, not by Terraform:\n${result.preview.join('\n')}${output}\n${iac.terraform ? '' : `${installHint}. `}There is no planId; apply_terraform needs a real plan.`,
      summary: `preview only for ${args.name} (${result.why})`,
      structured: { ...base, planned: false, why: result.why, preview: result.preview },
    };
  },
});
