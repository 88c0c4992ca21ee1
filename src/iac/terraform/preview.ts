import type { ResolvedVmRequest } from './validate-request.js';
import { resourceName } from './vm-hcl.js';

export const installHint =
  'to get a real plan, install Terraform (https://developer.hashicorp.com/terraform/install) or OpenTofu (https://opentofu.org/docs/intro/install/) so that `terraform` or `tofu` is on PATH, then call plan_terraform again';

/**
 * What the configuration asks for next to the cluster as it is now, worked
 * out by us, not by Terraform. Every line says so; it is never a plan.
 */
export function previewLines(resolved: ResolvedVmRequest, stateResources: number): string[] {
  const { request, template } = resolved;
  const source = template
    ? `clone of ${template.vmid}${template.name ? ` (${template.name})` : ''}${template.isTemplate ? '' : ', a regular VM, not a template'}`
    : `installed from ${request.iso}`;
  const disks =
    request.disks?.map((disk) => `${disk.storage} ${disk.sizeGiB} GiB`).join(' + ') ??
    (template?.bootDisk ? `the template's disk on ${template.bootDisk.storage}` : 'no disk');
  const network = `${request.bridge}${request.vlan !== undefined ? ` VLAN ${request.vlan}` : ''}${request.ipConfig ? `, IP ${request.ipConfig}` : ''}`;
  const lines = resolved.vms.map(
    (vm) =>
      `+ create proxmox_virtual_environment_vm.${resourceName(vm)}: VM ${vm.vmid} "${vm.name}" on ${request.node}, ${source}, ${request.cores} cores, ${request.memoryMiB} MiB, disk ${disks}, network ${network}`,
  );
  lines.push(
    stateResources > 0
      ? `this workspace already holds Terraform state for ${stateResources} resource(s); without Terraform the preview cannot tell which of these are updates, replacements or deletions`
      : 'nothing existing would be changed or deleted: this workspace has no Terraform state, so every VM above is new',
  );
  for (const clash of resolved.sameNames)
    lines.push(
      `note: a guest named "${clash.name}" already exists (VM ${clash.vmid}); Proxmox allows the duplicate name, but it may confuse you later`,
    );
  return lines;
}
