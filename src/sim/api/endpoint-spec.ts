import generated from './pve-endpoints.json' with { type: 'json' };

/** A parameter as pve-api-schema.json describes it (the subset the simulator checks). */
export interface ParamSpec {
  type?: string;
  /** A named format such as `pve-vmid`; property-string formats are not kept. */
  format?: string;
  enum?: string[];
  minimum?: number;
  maximum?: number;
  /** Perl pattern, anchored at both ends when checked. */
  pattern?: string;
  maxLength?: number;
  optional?: boolean;
  requires?: string;
}

/** `["perm", path, privs, ("any", 1)?, ("require_param", name)?]`, `["and", ...]` or `["or", ...]`. */
export type PermissionCheck = readonly unknown[];

export interface EndpointPermissions {
  check?: PermissionCheck;
  /** `all`: any authenticated user (the handler filters); `world`: no authentication. */
  user?: string;
}

export interface EndpointSpec {
  method: string;
  path: string;
  /** `node` when pveproxy forwards the call to the node named in the path. */
  proxyto: string | null;
  allowtoken: boolean;
  /** null: the source declares none, so only root@pam may call it. */
  permissions: EndpointPermissions | null;
  parameters: Record<string, ParamSpec>;
}

/** Endpoints the simulator serves that the schema extract lacks; described as pve-manager and pve-ha-manager declare them. */
const undeclared: EndpointSpec[] = [
  {
    method: 'GET',
    path: '/storage',
    proxyto: null,
    allowtoken: true,
    permissions: { user: 'all' },
    parameters: {
      type: {
        type: 'string',
        optional: true,
        enum: ['btrfs', 'cephfs', 'cifs', 'dir', 'iscsi', 'lvm', 'lvmthin', 'nfs', 'pbs', 'rbd', 'zfspool'],
      },
    },
  },
  {
    method: 'GET',
    path: '/cluster/ha/resources',
    proxyto: null,
    allowtoken: true,
    permissions: { check: ['perm', '/', ['Sys.Audit']] },
    parameters: { type: { type: 'string', optional: true, enum: ['ct', 'vm'] } },
  },
];

const specs = new Map<string, EndpointSpec>(
  [...(generated.endpoints as EndpointSpec[]), ...undeclared].map((spec) => [`${spec.method} ${spec.path}`, spec]),
);

export function endpointSpec(method: string, template: string): EndpointSpec | undefined {
  return specs.get(`${method} ${template}`);
}
