import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../src/iac/process/find-program.js';
import { checkHcl } from '../../src/iac/terraform/check-hcl.js';
import { parseHcl } from '../../src/iac/terraform/hcl-parser.js';
import { writeHcl } from '../../src/iac/terraform/hcl-writer.js';
import type { ResolvedVmRequest } from '../../src/iac/terraform/validate-request.js';
import { vmConfiguration } from '../../src/iac/terraform/vm-hcl.js';
import { vmRequestSchema } from '../../src/iac/terraform/vm-request.js';

const endpoint = 'https://pve.example.test:8006';

function resolved(raw: Record<string, unknown>, extra: Partial<ResolvedVmRequest> = {}): ResolvedVmRequest {
  const request = vmRequestSchema.parse(raw);
  const names =
    request.count === 1 ? [request.name] : Array.from({ length: request.count }, (_, i) => `${request.name}-${i + 1}`);
  return { request, vms: names.map((name, i) => ({ name, vmid: 200 + i })), sameNames: [], ...extra };
}

const template = {
  vmid: 105,
  node: 'pve1',
  name: 'ubuntu-2404-tmpl',
  isTemplate: true,
  bootDisk: { slot: 'scsi0', storage: 'local-lvm', bytes: 3584 * 1024 ** 2 },
};

const requests: Record<string, ResolvedVmRequest> = {
  'two clones with 2 cores and 4 GiB': resolved(
    { name: 'ubuntu', node: 'pve1', cloneVmid: 105, cores: 2, memoryMiB: 4096, bridge: 'vmbr0', count: 2 },
    { template, cloudInitStorage: 'local-lvm' },
  ),
  'a clone with cloud-init, static IP, VLAN, tags and a bigger disk': resolved(
    {
      name: 'web',
      node: 'pve1',
      cloneVmid: 105,
      cores: 4,
      memoryMiB: 8192,
      bridge: 'vmbr0',
      vlan: 20,
      ciUser: 'admin',
      sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO0test admin@laptop'],
      ipConfig: '192.168.1.60/24,gw=192.168.1.1',
      tags: ['web', 'prod'],
      disks: [
        { storage: 'local-lvm', sizeGiB: 32 },
        { storage: 'local-lvm', sizeGiB: 100 },
      ],
    },
    { template, cloudInitStorage: 'local-lvm' },
  ),
  'an ISO install with dhcp': resolved(
    {
      name: 'installer',
      node: 'pve2',
      iso: 'local:iso/debian-13.iso',
      cores: 1,
      memoryMiB: 2048,
      bridge: 'vmbr0',
      ipConfig: 'dhcp',
      disks: [{ storage: 'local-lvm', sizeGiB: 16 }],
    },
    { cloudInitStorage: 'local-lvm' },
  ),
};

describe('generated HCL', () => {
  for (const [label, request] of Object.entries(requests)) {
    it(`parses and uses only documented bpg/proxmox names: ${label}`, () => {
      const text = writeHcl(vmConfiguration(request, endpoint));
      expect(checkHcl(text)).toEqual([]);
    });
  }

  it('has one proxmox_virtual_environment_vm per VM with its own vm_id', () => {
    const items = parseHcl(writeHcl(vmConfiguration(requests['two clones with 2 cores and 4 GiB']!, endpoint)));
    const resources = items.filter((item) => item.kind === 'block' && item.type === 'resource');
    expect(resources.map((item) => (item.kind === 'block' ? item.labels : []))).toEqual([
      ['proxmox_virtual_environment_vm', 'vm_ubuntu_1'],
      ['proxmox_virtual_environment_vm', 'vm_ubuntu_2'],
    ]);
    const text = writeHcl(vmConfiguration(requests['two clones with 2 cores and 4 GiB']!, endpoint));
    expect(text).toMatch(/vm_id += 200\n/);
    expect(text).toMatch(/vm_id += 201\n/);
    expect(text).toContain('dedicated = 4096');
  });

  it('writes a provider block with the endpoint only: no token, no password, no insecure', () => {
    const text = writeHcl(vmConfiguration(requests['an ISO install with dhcp']!, endpoint));
    expect(text).toContain('provider "proxmox" {\n  endpoint = "https://pve.example.test:8006/"\n}');
    expect(text).not.toMatch(/api_token|password|insecure/);
  });

  it('escapes template sequences so a value can never become an expression', () => {
    const text = writeHcl([
      {
        kind: 'block',
        type: 'provider',
        labels: ['proxmox'],
        body: [{ kind: 'attribute', name: 'endpoint', value: 'https://x/${file("/etc/shadow")}' }],
      },
    ]);
    expect(text).toContain('$${file(');
    expect(checkHcl(text)).toEqual([]);
  });
});

describe('the HCL check', () => {
  it('rejects an attribute the provider does not document', () => {
    const text = 'resource "proxmox_virtual_environment_vm" "a" {\n  node_name = "pve1"\n  cpus = 2\n}\n';
    expect(checkHcl(text)).toEqual([
      "resource.proxmox_virtual_environment_vm.a: 'cpus' is not a documented attribute (bpg/proxmox 0.111.1)",
    ]);
  });

  it('rejects a nested block the provider does not document', () => {
    const text =
      'resource "proxmox_virtual_environment_vm" "a" {\n  node_name = "pve1"\n  network {\n    bridge = "vmbr0"\n  }\n}\n';
    expect(checkHcl(text)[0]).toMatch(/'network' is not a documented block/);
  });

  it('rejects expressions, which our generator never writes', () => {
    expect(checkHcl('resource "proxmox_virtual_environment_vm" "a" {\n  node_name = var.node\n}\n')).toEqual([
      "HCL line 2, column 18: unexpected '.'",
    ]);
    expect(checkHcl('resource "proxmox_virtual_environment_vm" "a" {\n  node_name = pve1\n}\n')).toEqual([
      "HCL line 2, column 15: expected a literal value, found 'pve1' (expressions are not allowed)",
    ]);
  });

  it('rejects interpolation inside strings', () => {
    expect(checkHcl('provider "proxmox" {\n  endpoint = "${var.x}"\n}\n')[0]).toMatch(/interpolation is not allowed/);
  });

  it('rejects an inlined token and insecure = true', () => {
    const problems = checkHcl(
      'provider "proxmox" {\n  endpoint  = "https://x:8006/"\n  api_token = "root@pam!t=secret"\n  insecure  = true\n}\n',
    );
    expect(problems).toEqual([
      "provider block must not inline 'api_token'; it comes from the environment",
      'provider block must not set insecure = true; TLS is always verified',
    ]);
  });

  it('rejects a resource type we do not generate', () => {
    expect(checkHcl('resource "null_resource" "x" {}\n')).toEqual([
      "resource type 'null_resource' is not one we generate",
    ]);
  });
});

// A second, independent parser: the real `terraform fmt` (HashiCorp's HCL) when it is installed.
// Terraform is not a Debian package, so CI machines may lack it; this is the only test that needs it.
const terraform = findOnPath('terraform', process.env.PATH) ?? findOnPath('tofu', process.env.PATH);
if (!terraform)
  console.warn('SKIPPED: terraform/tofu not on PATH; the terraform fmt round trip of generated HCL did not run');
describe.skipIf(!terraform)('generated HCL through terraform fmt', () => {
  for (const [label, request] of Object.entries(requests)) {
    it(`is already in canonical form: ${label}`, () => {
      const text = writeHcl(vmConfiguration(request, endpoint));
      const formatted = execFileSync(terraform!, ['fmt', '-no-color', '-'], {
        input: text,
        env: { ...process.env, CHECKPOINT_DISABLE: '1' },
        encoding: 'utf8',
      });
      expect(formatted).toBe(text);
    });
  }
});
