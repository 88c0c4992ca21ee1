/**
 * The part of the bpg/proxmox provider's documented schema that our HCL may
 * use, copied by name from the provider's docs at tag v0.111.1
 * (docs/index.md "Argument Reference", docs/resources/virtual_environment_vm.md).
 * Generated HCL is checked against it; an attribute not listed here is an error.
 */

export interface BlockSchema {
  attributes: readonly string[];
  blocks?: Readonly<Record<string, BlockSchema>>;
}

export const providerSource = 'bpg/proxmox';
export const providerDocsVersion = '0.111.1';
/** Any 0.x release from the one the schema was read from. */
export const providerConstraint = '~> 0.111';

export const providerBlockSchema: BlockSchema = {
  attributes: ['endpoint', 'insecure', 'min_tls', 'api_token', 'username', 'password', 'tmp_dir'],
  blocks: { ssh: { attributes: ['username', 'password', 'agent', 'agent_socket'] } },
};

export const vmResourceSchema: BlockSchema = {
  attributes: [
    'name',
    'node_name',
    'vm_id',
    'description',
    'tags',
    'on_boot',
    'started',
    'stop_on_destroy',
    'scsi_hardware',
    'bios',
    'machine',
    'pool_id',
    'template',
  ],
  blocks: {
    clone: { attributes: ['vm_id', 'node_name', 'datastore_id', 'full', 'retries'] },
    cpu: { attributes: ['cores', 'sockets', 'type', 'units', 'numa'] },
    memory: { attributes: ['dedicated', 'floating', 'shared'] },
    agent: { attributes: ['enabled', 'timeout', 'trim', 'type'] },
    disk: {
      attributes: [
        'datastore_id',
        'interface',
        'size',
        'file_format',
        'file_id',
        'iothread',
        'discard',
        'ssd',
        'cache',
        'backup',
      ],
    },
    cdrom: { attributes: ['file_id', 'interface'] },
    network_device: { attributes: ['bridge', 'vlan_id', 'model', 'firewall', 'mac_address', 'mtu'] },
    operating_system: { attributes: ['type'] },
    serial_device: { attributes: ['device'] },
    initialization: {
      attributes: ['datastore_id', 'interface'],
      blocks: {
        user_account: { attributes: ['username', 'keys', 'password'] },
        ip_config: {
          attributes: [],
          blocks: { ipv4: { attributes: ['address', 'gateway'] }, ipv6: { attributes: ['address', 'gateway'] } },
        },
        dns: { attributes: ['domain', 'servers'] },
      },
    },
  },
};

/** Top-level blocks: `terraform`, `provider "proxmox"`, `resource "proxmox_virtual_environment_vm" NAME`. */
export const terraformBlockSchema: BlockSchema = {
  attributes: ['required_version'],
  blocks: { required_providers: { attributes: ['proxmox'] } },
};

export const resourceSchemas: Readonly<Record<string, BlockSchema>> = {
  proxmox_virtual_environment_vm: vmResourceSchema,
};
