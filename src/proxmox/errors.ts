import { AppError } from '../shared/errors.js';
import { ExitCode } from '../shared/exit-codes.js';

/**
 * Every error the Proxmox client throws: one class per way a call can fail,
 * each with a user-facing message that names the call and the fix.
 */

/** The call an error belongs to, e.g. `POST /nodes/pve1/qemu/101/status/start`. */
export interface ProxmoxCall {
  method: string;
  path: string;
}

/** Base of every error the Proxmox client throws; `call` names the request when there was one. */
export class ProxmoxError extends AppError {
  readonly call: ProxmoxCall | undefined;

  constructor(code: string, message: string, call?: ProxmoxCall, options?: ErrorOptions & { exitCode?: ExitCode }) {
    const { exitCode = ExitCode.runtime, ...errorOptions } = options ?? {};
    super(code, message, exitCode, errorOptions);
    this.name = 'ProxmoxError';
    this.call = call;
  }
}

function describeCall(call: ProxmoxCall | undefined): string {
  return call ? `${call.method} ${call.path}` : 'the request';
}

/** The caller aborted the call (Ctrl-C, a cancelled turn). */
export class ProxmoxAbortedError extends ProxmoxError {
  constructor(call?: ProxmoxCall) {
    super('proxmox.aborted', `${describeCall(call)} was aborted`, call);
    this.name = 'ProxmoxAbortedError';
  }
}

export type Credential = { kind: 'token'; tokenId: string } | { kind: 'password'; username: string };

/** 401: Proxmox did not accept the profile's token or password (or a ticket could not be renewed). */
export class ProxmoxAuthError extends ProxmoxError {
  readonly profile: string;
  readonly reason: string;

  constructor(profile: string, credential: Credential, reason: string, call?: ProxmoxCall) {
    super(
      'proxmox.auth',
      `authentication failed for profile '${profile}' on ${describeCall(call)} (${reason}); ${fixFor(profile, credential)}`,
      call,
    );
    this.name = 'ProxmoxAuthError';
    this.profile = profile;
    this.reason = reason;
  }
}

function fixFor(profile: string, credential: Credential): string {
  return credential.kind === 'token'
    ? `check that token ${credential.tokenId} exists ('pveum user token list ${credential.tokenId.split('!')[0]}') and set its secret: proxmox-ai config set profiles.${profile}.tokenSecret SECRET`
    : `check the user ${credential.username} and set its password: proxmox-ai config set profiles.${profile}.password PASSWORD`;
}

/** The connection broke after the request went out; a write may or may not have been applied. */
export class ProxmoxConnectionLostError extends ProxmoxError {
  constructor(url: string, reason: string, call: ProxmoxCall, options?: ErrorOptions) {
    const write = call.method !== 'GET';
    super(
      'proxmox.connection-lost',
      `connection to ${url} was lost during ${describeCall(call)} (${reason})${write ? '; the change may or may not have been applied: check the current state and the task list before trying again' : ''}`,
      call,
      options,
    );
    this.name = 'ProxmoxConnectionLostError';
  }
}

/** 501: no handler for this method and path (an older Proxmox VE, or a wrong path). */
export class ProxmoxNotImplementedError extends ProxmoxError {
  constructor(proxmoxMessage: string, call?: ProxmoxCall) {
    super(
      'proxmox.not-implemented',
      `Proxmox does not implement ${describeCall(call)} (${proxmoxMessage}); it may be older than Proxmox VE 8`,
      call,
    );
    this.name = 'ProxmoxNotImplementedError';
  }
}

/** 400: Proxmox rejected parameters; `errors` maps each parameter name to Proxmox's reason. */
export class ProxmoxParameterError extends ProxmoxError {
  readonly errors: Record<string, string>;

  constructor(errors: Record<string, string>, proxmoxMessage: string, call?: ProxmoxCall) {
    const named = Object.entries(errors).map(([name, reason]) => `${name}: ${reason}`);
    const detail = named.length > 0 ? named.join('; ') : proxmoxMessage;
    super('proxmox.parameter', `Proxmox rejected ${describeCall(call)}: ${detail}`, call);
    this.name = 'ProxmoxParameterError';
    this.errors = errors;
  }
}

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

function parsePermissionMessage(message: string): MissingPermission | undefined {
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

/** The answer was not what Proxmox sends: an unexpected status, a redirect, or a body that does not parse. */
export class ProxmoxResponseError extends ProxmoxError {
  constructor(detail: string, call?: ProxmoxCall) {
    super('proxmox.bad-response', `unexpected answer to ${describeCall(call)}: ${detail}`, call);
    this.name = 'ProxmoxResponseError';
  }
}

/** 500: the handler failed; `proxmoxMessage` is Proxmox's own wording (`VM 100 not running`). */
export class ProxmoxServerError extends ProxmoxError {
  readonly proxmoxMessage: string;

  constructor(proxmoxMessage: string, call?: ProxmoxCall) {
    super('proxmox.server', `Proxmox failed ${describeCall(call)}: ${proxmoxMessage}`, call);
    this.name = 'ProxmoxServerError';
    this.proxmoxMessage = proxmoxMessage;
  }
}

/** No complete answer within the call's time limit. */
export class ProxmoxTimeoutError extends ProxmoxError {
  readonly timeoutMs: number;

  constructor(url: string, timeoutMs: number, call?: ProxmoxCall) {
    const write = call !== undefined && call.method !== 'GET';
    super(
      'proxmox.timeout',
      `no answer from ${url} within ${timeoutMs} ms for ${describeCall(call)}${write ? '; the change may still be applied: check the task list' : ''}`,
      call,
    );
    this.name = 'ProxmoxTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** The server shows a certificate other than the pinned one: a renewal, or someone in the middle. */
export class ProxmoxTlsChangedError extends ProxmoxError {
  readonly fingerprint: string;
  readonly pinned: string;

  constructor(profile: string, url: string, fingerprint: string, pinned: string) {
    super(
      'proxmox.tls.changed',
      `REFUSED: ${url} presents certificate ${fingerprint}, but profile '${profile}' pins ${pinned}. Nothing was sent. If the node's certificate was renewed ('pvenode cert info' shows the new one), pin it: proxmox-ai config set profiles.${profile}.fingerprint ${fingerprint}`,
    );
    this.name = 'ProxmoxTlsChangedError';
    this.fingerprint = fingerprint;
    this.pinned = pinned;
  }
}

/** First contact with a certificate nothing vouches for: the user decides, by pinning its fingerprint. */
export class ProxmoxTlsUntrustedError extends ProxmoxError {
  readonly fingerprint: string;

  constructor(profile: string, url: string, fingerprint: string, reason: string) {
    super(
      'proxmox.tls.untrusted',
      `the certificate of ${url} is not trusted (${reason}); SHA-256 fingerprint ${fingerprint}. If 'pvenode cert info' on the node shows the same fingerprint, trust it with: proxmox-ai config set profiles.${profile}.fingerprint ${fingerprint}`,
    );
    this.name = 'ProxmoxTlsUntrustedError';
    this.fingerprint = fingerprint;
  }
}

export type Unreachable =
  | { kind: 'host'; url: string; reason: string }
  | { kind: 'node'; node: string | undefined; status: number; reason: string };

/** The API host cannot be reached, or it cannot reach the node a call is routed to (595/596). */
export class ProxmoxUnreachableError extends ProxmoxError {
  readonly target: Unreachable;

  constructor(target: Unreachable, call?: ProxmoxCall, options?: ErrorOptions) {
    super('proxmox.unreachable', sentence(target, call), call, options);
    this.name = 'ProxmoxUnreachableError';
    this.target = target;
  }
}

function sentence(target: Unreachable, call?: ProxmoxCall): string {
  if (target.kind === 'host') {
    return `cannot reach ${target.url} (${target.reason}) for ${describeCall(call)}; check the profile's url, the port (8006) and that pveproxy runs`;
  }
  const node = target.node ? `node ${target.node}` : 'the node';
  return `${node} is unreachable from the API host (${target.status} ${target.reason}) for ${describeCall(call)}; check that the node is up and in the cluster`;
}

/** A string that is not a Proxmox task id (UPID). */
export class InvalidUpidError extends ProxmoxError {
  constructor(upid: string) {
    super(
      'proxmox.upid',
      `'${upid}' is not a Proxmox task id; a UPID looks like UPID:pve1:0001A2B3:0A4F21C3:69F07A96:qmstart:100:root@pam:`,
      undefined,
      { exitCode: ExitCode.usage },
    );
    this.name = 'InvalidUpidError';
  }
}
