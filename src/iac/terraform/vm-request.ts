import { z } from 'zod';

// Safety: every value below ends up in generated HCL and in Proxmox API paths;
// these patterns keep quotes, "${", "%{", newlines and path tricks out.

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

const ipConfigSchema = z
  .string()
  .refine(
    (value) => value === 'dhcp' || staticIp(value) !== undefined,
    '"dhcp" or CIDR,gw=IP such as 192.168.1.60/24,gw=192.168.1.1',
  )
  .describe('"dhcp" or "CIDR,gw=IP", e.g. "192.168.1.60/24,gw=192.168.1.1"');

export const vmRequestSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z0-9]([A-Za-z0-9-]{0,57}[A-Za-z0-9])?$/, 'a DNS name: letters, digits and "-", at most 59')
      .describe('VM name; with count > 1 the VMs are NAME-1, NAME-2, ...'),
    node: z
      .string()
      .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'a node name such as pve1')
      .describe('node to create the VMs on'),
    cloneVmid: z.coerce
      .number()
      .int()
      .min(100)
      .max(999_999_999)
      .optional()
      .describe('template (or VM) to clone, e.g. 9000'),
    iso: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*:iso\/[A-Za-z0-9_.+-]+\.iso$/, 'an ISO volume such as local:iso/ubuntu-24.04.iso')
      .optional()
      .describe('ISO volume to install from, instead of cloneVmid'),
    cores: z.coerce.number().int().min(1).max(128).describe('CPU cores per VM'),
    memoryMiB: z.coerce.number().int().min(64).max(4_194_304).describe('memory per VM in MiB, e.g. 4096 for 4 GiB'),
    disks: z
      .array(
        z
          .object({
            storage: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, 'a storage id such as local-lvm'),
            sizeGiB: z.coerce.number().int().min(1).max(65_536),
          })
          .strict(),
      )
      .min(1)
      .max(8)
      .optional()
      .describe('disks per VM: [{storage, sizeGiB}]; the first is the boot disk'),
    bridge: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,14}$/, 'a bridge name such as vmbr0')
      .describe('network bridge, e.g. vmbr0'),
    vlan: z.coerce.number().int().min(1).max(4094).optional().describe('VLAN tag'),
    ciUser: z
      .string()
      .regex(/^[a-z_][a-z0-9_-]{0,31}$/, 'a Unix user name')
      .optional()
      .describe('cloud-init user'),
    sshKeys: z
      .array(
        z
          .string()
          .regex(
            /^(ssh-ed25519|ssh-rsa|ecdsa-sha2-nistp(256|384|521)|sk-ssh-ed25519@openssh\.com) [A-Za-z0-9+/]+={0,2}( [A-Za-z0-9@._+-]{1,100})?$/,
            'an OpenSSH public key line: TYPE BASE64 [comment]',
          ),
      )
      .max(10)
      .optional()
      .describe('SSH public keys for the cloud-init user'),
    ipConfig: ipConfigSchema.optional(),
    tags: z
      .array(z.string().regex(/^[a-z0-9_][a-z0-9_+.-]{0,39}$/, 'a tag: lower-case letters, digits, _ + . -'))
      .max(10)
      .optional()
      .describe('Proxmox tags'),
    count: z.coerce.number().int().min(1).max(10).default(1).describe('how many VMs (default 1)'),
    vmid: z.coerce
      .number()
      .int()
      .min(100)
      .max(999_999_999)
      .optional()
      .describe('first VM id; default: the next free one'),
  })
  .strict()
  .superRefine((request, issues) => {
    if ((request.cloneVmid === undefined) === (request.iso === undefined)) {
      issues.addIssue({
        code: 'custom',
        path: ['cloneVmid'],
        message: 'give exactly one of cloneVmid (a template to clone) or iso (an ISO to install from)',
      });
    }
    if (request.iso !== undefined && request.disks === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['disks'],
        message: 'an ISO install needs at least one disk: [{storage, sizeGiB}]',
      });
    }
    if (request.count > 1 && request.ipConfig !== undefined && request.ipConfig !== 'dhcp') {
      issues.addIssue({
        code: 'custom',
        path: ['ipConfig'],
        message: 'a static address fits one VM; use "dhcp" with count > 1',
      });
    }
  });

export type VmRequest = z.infer<typeof vmRequestSchema>;

/** `192.168.1.60/24,gw=192.168.1.1` as its parts, or undefined when it is not one. */
export function staticIp(value: string): { address: string; gateway: string } | undefined {
  const match = /^([\d.]+)\/(\d{1,2}),gw=([\d.]+)$/.exec(value);
  if (!match || !ipv4.test(match[1]!) || !ipv4.test(match[3]!) || Number(match[2]) > 32) return undefined;
  return { address: `${match[1]}/${match[2]}`, gateway: match[3]! };
}
