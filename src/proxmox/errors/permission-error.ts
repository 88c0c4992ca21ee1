import { describeCall, ProxmoxError, type ProxmoxCall } from './proxmox-error.js';

/** What a 403 says is missing: `Permission check failed (/vms/101, VM.PowerMgmt)`. */
export interface MissingPermission {
  aclPath: string;
  /** All of them are needed, or (when `anyOf`) one of them. */
  privileges: string[];
  anyOf: boolean;
}

/** 403: the identity lacks a privilege on an ACL path (or the call needs a ticket instead of a token). */
export class ProxmoxPermissionError extends ProxmoxError {
  readonly missing: MissingPermission | undefined;

  constructor(identity: string, proxmoxMessage: string, call?: ProxmoxCall) {
    const missing = parsePermissionMessage(proxmoxMessage);
    super('proxmox.permission', permissionSentence(identity, proxmoxMessage, missing, call), call);
    this.name = 'ProxmoxPermissionError';
    this.missing = missing;
  }
}

export function parsePermissionMessage(message: string): MissingPermission | undefined {
  const match = /Permission check failed \((\/[^,()]*), ([^()]+)\)/.exec(message);
  if (!match) return undefined;
  const privileges = match[2]!.trim().split('|');
  return { aclPath: match[1]!, privileges, anyOf: privileges.length > 1 };
}

function permissionSentence(
  identity: string,
  proxmoxMessage: string,
  missing: MissingPermission | undefined,
  call?: ProxmoxCall,
): string {
  if (!missing) return `permission denied for ${identity} on ${describeCall(call)}: ${proxmoxMessage}`;
  const what = missing.anyOf ? `one of ${missing.privileges.join(', ')}` : missing.privileges.join(', ');
  const who = identity.includes('!') ? `--tokens '${identity}'` : `--users '${identity}'`;
  return `permission denied for ${identity} on ${describeCall(call)}: it lacks ${what} on ${missing.aclPath}; grant a role that has it: pveum acl modify ${missing.aclPath} ${who} --roles ROLE`;
}
