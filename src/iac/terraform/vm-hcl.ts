import { attribute, block, type HclBlock } from './hcl-model.js';
import { providerConstraint, providerSource } from './provider-schema.js';
import type { PlannedVm, ResolvedVmRequest } from './validate-request.js';
import { staticIp } from './vm-request.js';

/**
 * The Terraform configuration for a checked request: one
 * `proxmox_virtual_environment_vm` per VM, and a provider block that names
 * only the endpoint.
 */
export function vmConfiguration(resolved: ResolvedVmRequest, endpoint: string): HclBlock[] {
  return [
    block(
      'terraform',
      [],
      [
        block(
          'required_providers',
          [],
          [attribute('proxmox', { source: providerSource, version: providerConstraint })],
        ),
      ],
    ),
    // Safety: no api_token, no password, no insecure: the token comes from PROXMOX_VE_API_TOKEN in terraform's environment and TLS is verified.
    block('provider', ['proxmox'], [attribute('endpoint', endpoint.replace(/\/*$/, '/'))]),
    ...resolved.vms.map((vm) => vmResource(resolved, vm)),
  ];
}

/** `web-1` -> `vm_web_1`: a valid, unique Terraform resource name. */
export function resourceName(vm: PlannedVm): string {
  return `vm_${vm.name.replaceAll('-', '_')}`;
}

function vmResource(resolved: ResolvedVmRequest, vm: PlannedVm): HclBlock {
  const { request, template } = resolved;
  const firstSlot = template?.bootDisk?.slot ?? 'scsi0';
  const bus = /^[a-z]+/.exec(firstSlot)?.[0] ?? 'scsi';
  const firstIndex = Number(firstSlot.slice(bus.length)) || 0;
  return block(
    'resource',
    ['proxmox_virtual_environment_vm', resourceName(vm)],
    [
      attribute('name', vm.name),
      attribute('node_name', request.node),
      attribute('vm_id', vm.vmid),
      request.tags?.length ? attribute('tags', [...request.tags].sort()) : undefined,
      attribute('description', 'Created with proxmox-ai (Terraform)'),
      template
        ? block(
            'clone',
            [],
            [
              attribute('vm_id', template.vmid),
              attribute('node_name', template.node),
              attribute('full', true),
              request.disks ? attribute('datastore_id', request.disks[0]!.storage) : undefined,
            ],
          )
        : undefined,
      block('cpu', [], [attribute('cores', request.cores)]),
      block('memory', [], [attribute('dedicated', request.memoryMiB)]),
      ...(request.disks ?? []).map((disk, index) =>
        block(
          'disk',
          [],
          [
            attribute('datastore_id', disk.storage),
            attribute('interface', `${bus}${firstIndex + index}`),
            attribute('size', disk.sizeGiB),
          ],
        ),
      ),
      request.iso ? block('cdrom', [], [attribute('file_id', request.iso), attribute('interface', 'ide2')]) : undefined,
      block(
        'network_device',
        [],
        [
          attribute('bridge', request.bridge),
          request.vlan !== undefined ? attribute('vlan_id', request.vlan) : undefined,
        ],
      ),
      request.iso ? block('operating_system', [], [attribute('type', 'l26')]) : undefined,
      initialization(resolved),
    ],
  );
}

function initialization(resolved: ResolvedVmRequest): HclBlock | undefined {
  const { request } = resolved;
  if (request.ciUser === undefined && request.sshKeys === undefined && request.ipConfig === undefined) return undefined;
  const fixed = request.ipConfig && request.ipConfig !== 'dhcp' ? staticIp(request.ipConfig) : undefined;
  const ipv4 =
    request.ipConfig === undefined
      ? undefined
      : fixed
        ? [attribute('address', fixed.address), attribute('gateway', fixed.gateway)]
        : [attribute('address', 'dhcp')];
  return block(
    'initialization',
    [],
    [
      resolved.cloudInitStorage ? attribute('datastore_id', resolved.cloudInitStorage) : undefined,
      request.ciUser !== undefined || request.sshKeys !== undefined
        ? block(
            'user_account',
            [],
            [
              request.ciUser !== undefined ? attribute('username', request.ciUser) : undefined,
              request.sshKeys ? attribute('keys', request.sshKeys) : undefined,
            ],
          )
        : undefined,
      ipv4 ? block('ip_config', [], [block('ipv4', [], ipv4)]) : undefined,
    ],
  );
}
