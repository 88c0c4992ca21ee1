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

const node: ParamSpec = { type: 'string', format: 'pve-node' };

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

/** Endpoints the simulator serves that the schema extract lacks; described as pve-manager, pve-access-control, pve-firewall and pve-ha-manager declare them. */
const undeclared: EndpointSpec[] = [
  read('/', { user: 'all' }, {}),
  read(
    '/storage',
    { user: 'all' },
    {
      type: {
        type: 'string',
        optional: true,
        enum: ['btrfs', 'cephfs', 'cifs', 'dir', 'iscsi', 'lvm', 'lvmthin', 'nfs', 'pbs', 'rbd', 'zfspool'],
      },
    },
  ),
  read('/cluster/ha/resources', audit('/'), { type: { type: 'string', optional: true, enum: ['ct', 'vm'] } }),
  read('/cluster/backup', audit('/'), {}),
  read('/cluster/backup-info', null, {}),
  read('/cluster/backup-info/not-backed-up', audit('/'), {}),
  read('/cluster/firewall/options', audit('/'), {}),
  read('/nodes/{node}/firewall/options', audit('/nodes/{node}'), { node }, 'node'),
  read('/nodes/{node}/time', audit('/nodes/{node}'), { node }, 'node'),
  read('/nodes/{node}/apt/update', { check: ['perm', '/nodes/{node}', ['Sys.Modify']] }, { node }, 'node'),
  read('/nodes/{node}/rrddata', audit('/nodes/{node}'), {
    node,
    timeframe: { type: 'string', enum: ['hour', 'day', 'week', 'month', 'year'] },
    cf: { type: 'string', enum: ['AVERAGE', 'MAX'], optional: true },
  }),
  read(
    '/access/users',
    { user: 'all' },
    { enabled: { type: 'boolean', optional: true }, full: { type: 'boolean', optional: true } },
  ),
  read(
    '/access/users/{userid}/token',
    { check: ['or', ['userid-param', 'self'], ['perm', '/access/users/{userid}', ['User.Modify']]] },
    { userid: { type: 'string', pattern: '[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+', maxLength: 64 } },
  ),
  read('/access/tfa', { user: 'all' }, {}),
  {
    method: 'POST',
    path: '/nodes/{node}/vzdump',
    proxyto: 'node',
    allowtoken: true,
    permissions: { user: 'all' },
    parameters: vzdumpParameters(),
  },
];

function read(
  path: string,
  permissions: EndpointPermissions | null,
  parameters: Record<string, ParamSpec>,
  proxyto: string | null = null,
): EndpointSpec {
  return { method: 'GET', path, proxyto, allowtoken: true, permissions, parameters };
}

function audit(path: string): EndpointPermissions {
  return { check: ['perm', path, ['Sys.Audit']] };
}

/** PVE::VZDump::Common's job properties, as POST /nodes/{node}/vzdump takes them. */
function vzdumpParameters(): Record<string, ParamSpec> {
  const flag: ParamSpec = { type: 'boolean', optional: true };
  const text: ParamSpec = { type: 'string', optional: true };
  const count: ParamSpec = { type: 'integer', minimum: 0, optional: true };
  return {
    node,
    vmid: { type: 'string', format: 'pve-vmid-list', optional: true },
    all: flag,
    exclude: { type: 'string', format: 'pve-vmid-list', optional: true },
    pool: text,
    storage: { type: 'string', format: 'pve-storage-id', optional: true },
    mode: { type: 'string', enum: ['snapshot', 'suspend', 'stop'], optional: true },
    compress: { type: 'string', enum: ['0', '1', 'gzip', 'lzo', 'zstd'], optional: true },
    remove: flag,
    protected: flag,
    quiet: flag,
    stdexcludes: flag,
    stdout: flag,
    stop: flag,
    'notes-template': { type: 'string', maxLength: 1024, optional: true },
    'notification-mode': {
      type: 'string',
      enum: ['auto', 'legacy-sendmail', 'notification-system'],
      optional: true,
    },
    mailnotification: { type: 'string', enum: ['always', 'failure'], optional: true },
    mailto: text,
    'prune-backups': text,
    'exclude-path': text,
    fleecing: text,
    performance: text,
    'job-id': text,
    bwlimit: count,
    ionice: { type: 'integer', minimum: 0, maximum: 8, optional: true },
    lockwait: count,
    stopwait: count,
    maxfiles: { type: 'integer', minimum: 1, optional: true },
    pigz: count,
    zstd: count,
    dumpdir: text,
    tmpdir: text,
    script: text,
  };
}

const specs = new Map<string, EndpointSpec>(
  [...(generated.endpoints as EndpointSpec[]), ...undeclared].map((spec) => [`${spec.method} ${spec.path}`, spec]),
);

export function endpointSpec(method: string, template: string): EndpointSpec | undefined {
  return specs.get(`${method} ${template}`);
}
