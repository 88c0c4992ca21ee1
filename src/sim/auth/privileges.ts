/** Proxmox VE 8/9 privileges: what the built-in Administrator role holds. */
export const allPrivileges = [
  'Datastore.Allocate',
  'Datastore.AllocateSpace',
  'Datastore.AllocateTemplate',
  'Datastore.Audit',
  'Group.Allocate',
  'Mapping.Audit',
  'Mapping.Modify',
  'Mapping.Use',
  'Permissions.Modify',
  'Pool.Allocate',
  'Pool.Audit',
  'Realm.Allocate',
  'Realm.AllocateUser',
  'SDN.Allocate',
  'SDN.Audit',
  'SDN.Use',
  'Sys.AccessNetwork',
  'Sys.Audit',
  'Sys.Console',
  'Sys.Incoming',
  'Sys.Modify',
  'Sys.PowerMgmt',
  'Sys.Syslog',
  'User.Modify',
  'VM.Allocate',
  'VM.Audit',
  'VM.Backup',
  'VM.Clone',
  'VM.Config.CDROM',
  'VM.Config.CPU',
  'VM.Config.Cloudinit',
  'VM.Config.Disk',
  'VM.Config.HWType',
  'VM.Config.Memory',
  'VM.Config.Network',
  'VM.Config.Options',
  'VM.Console',
  'VM.GuestAgent.Audit',
  'VM.GuestAgent.FileRead',
  'VM.GuestAgent.FileSystemMgmt',
  'VM.GuestAgent.FileWrite',
  'VM.GuestAgent.Unrestricted',
  'VM.Migrate',
  'VM.PowerMgmt',
  'VM.Replicate',
  'VM.Snapshot',
  'VM.Snapshot.Rollback',
] as const;

/**
 * What an identity may do. Grants on a path apply to it and to every path
 * below it, and grants on a path and its parents add up (a simplification of
 * Proxmox's ACL propagation, where a deeper entry replaces inherited roles).
 */
export class PrivilegeGrants {
  private readonly grants: Map<string, Set<string>>;

  constructor(
    grants: Record<string, readonly string[]>,
    /** root@pam: every check passes. */
    readonly superuser = false,
  ) {
    this.grants = new Map(Object.entries(grants).map(([path, privs]) => [normalise(path), new Set(privs)]));
  }

  static everything(): PrivilegeGrants {
    return new PrivilegeGrants({ '/': allPrivileges });
  }

  has(path: string, privilege: string): boolean {
    if (this.superuser) return true;
    const target = normalise(path);
    for (const [at, privileges] of this.grants) {
      if (privileges.has(privilege) && (at === '/' || target === at || target.startsWith(`${at}/`))) return true;
    }
    return false;
  }

  /** Every privilege held on `path`. */
  at(path: string): string[] {
    if (this.superuser) return [...allPrivileges];
    const held = new Set<string>();
    for (const at of ancestors(normalise(path))) for (const privilege of this.grants.get(at) ?? []) held.add(privilege);
    return [...held].sort();
  }

  /** The ACL paths with grants, root first. */
  paths(): string[] {
    return this.superuser ? ['/'] : [...this.grants.keys()].sort();
  }
}

function normalise(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** `/vms/101` -> `/`, `/vms`, `/vms/101`. */
function ancestors(path: string): string[] {
  const parts = path.split('/').filter(Boolean);
  return ['/', ...parts.map((_, index) => `/${parts.slice(0, index + 1).join('/')}`)];
}
