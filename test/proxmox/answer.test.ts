import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/shared/exit-codes.js';
import {
  ProxmoxAuthError,
  ProxmoxNotImplementedError,
  ProxmoxParameterError,
  ProxmoxPermissionError,
  ProxmoxResponseError,
  ProxmoxServerError,
  ProxmoxUnreachableError,
} from '../../src/proxmox/errors.js';
import { unwrapAnswer, type Caller } from '../../src/proxmox/http/answer.js';
import type { RawAnswer } from '../../src/proxmox/http/transport.js';
import { thrownBy } from './support/thrown.js';

const json = 'application/json;charset=UTF-8';
const token: Caller = { profile: 'home', credential: { kind: 'token', tokenId: 'root@pam!ai' } };
const start = { method: 'POST', path: '/nodes/pve1/qemu/101/status/start' };

const answer = (status: number, body: unknown, statusText = ''): RawAnswer => ({
  status,
  statusText,
  contentType: json,
  body: body === '' ? '' : JSON.stringify(body),
});
const failure = (raw: RawAnswer, caller: Caller = token) => thrownBy(() => unwrapAnswer(raw, start, caller));

describe('unwrapAnswer', () => {
  it('returns data and total of a 200 envelope', () => {
    expect(unwrapAnswer(answer(200, { data: [{ n: 1, t: 'TASK OK' }], total: 1 }), start, token)).toEqual({
      data: [{ n: 1, t: 'TASK OK' }],
      total: 1,
    });
  });

  it('reads the journal envelope, which has success instead of total', () => {
    expect(unwrapAnswer(answer(200, { data: ['line'], success: 1 }), start, token).data).toEqual(['line']);
  });

  it('refuses a 200 that is not JSON', () => {
    expect(failure({ status: 200, statusText: 'OK', contentType: 'text/html', body: '<html>' })).toBeInstanceOf(
      ProxmoxResponseError,
    );
  });

  it('names each rejected parameter of a 400 with Proxmox reason', () => {
    const error = failure(
      answer(400, {
        data: null,
        errors: { vmid: 'invalid format - value does not look like a valid VM ID\n' },
        message: 'Parameter verification failed.\n',
      }),
    );
    expect(error).toBeInstanceOf(ProxmoxParameterError);
    expect((error as ProxmoxParameterError).errors).toEqual({
      vmid: 'invalid format - value does not look like a valid VM ID',
    });
    expect(error.message).toBe(
      'Proxmox rejected POST /nodes/pve1/qemu/101/status/start: vmid: invalid format - value does not look like a valid VM ID',
    );
  });

  it('takes a 401 reason from the status line, since the body is empty', () => {
    const error = failure(answer(401, '', 'Authentication failed!'));
    expect(error).toBeInstanceOf(ProxmoxAuthError);
    expect(error.message).toMatch(/^authentication failed for profile 'home' .*\(Authentication failed!\)/);
    expect(error.message).toContain('proxmox-ai config set profiles.home.tokenSecret SECRET');
  });

  it('points a password profile at its password for a 401', () => {
    const error = failure(answer(401, '', 'No ticket'), {
      profile: 'lab',
      credential: { kind: 'password', username: 'ops@pve' },
    });
    expect(error.message).toContain('proxmox-ai config set profiles.lab.password PASSWORD');
  });

  it('parses which privilege on which path a 403 lacks, and how to grant it to the token', () => {
    const error = failure(answer(403, { data: null, message: 'Permission check failed (/vms/101, VM.PowerMgmt)\n' }));
    expect(error).toBeInstanceOf(ProxmoxPermissionError);
    expect((error as ProxmoxPermissionError).missing).toEqual({
      aclPath: '/vms/101',
      privileges: ['VM.PowerMgmt'],
      anyOf: false,
    });
    expect(error.message).toContain(
      "it lacks VM.PowerMgmt on /vms/101; grant a role that has it: pveum acl modify /vms/101 --tokens 'root@pam!ai'",
    );
  });

  it('reads an any-of privilege check', () => {
    const error = failure(
      answer(403, {
        data: null,
        message: 'Permission check failed (/vms/100, VM.GuestAgent.Audit|VM.GuestAgent.Unrestricted)\n',
      }),
    );
    expect(error.message).toContain('it lacks one of VM.GuestAgent.Audit, VM.GuestAgent.Unrestricted on /vms/100');
  });

  it('passes a 403 without a privilege through in Proxmox words', () => {
    const message = "Permission check failed (URI '/access/ticket' not available with API token, need proper ticket.\n";
    expect(failure(answer(403, { data: null, message })).message).toContain(
      'not available with API token, need proper ticket.',
    );
  });

  it("keeps Proxmox's own message of a 500 on one line", () => {
    const error = failure(answer(500, { data: null, message: 'VM 101 not running\n' }));
    expect(error).toBeInstanceOf(ProxmoxServerError);
    expect((error as ProxmoxServerError).proxmoxMessage).toBe('VM 101 not running');
    expect(error.message).toBe('Proxmox failed POST /nodes/pve1/qemu/101/status/start: VM 101 not running');
  });

  it('maps 501 to not-implemented', () => {
    const error = failure(
      answer(501, { data: null, message: "Method 'GET /nodes/pve1/qemu/100/foo' not implemented" }),
    );
    expect(error).toBeInstanceOf(ProxmoxNotImplementedError);
  });

  it('maps 595 and 596 to an unreachable node, named from the path', () => {
    for (const status of [595, 596]) {
      const error = failure({ status, statusText: 'Connection refused', contentType: '', body: '' });
      expect(error).toBeInstanceOf(ProxmoxUnreachableError);
      expect((error as ProxmoxUnreachableError).target).toEqual({
        kind: 'node',
        node: 'pve1',
        status,
        reason: 'Connection refused',
      });
      expect(error.message).toMatch(/^node pve1 is unreachable from the API host/);
    }
  });

  it('refuses a redirect instead of following it', () => {
    expect(failure({ status: 301, statusText: 'Moved', contentType: '', body: '' }).message).toMatch(/redirect/);
  });

  it('exits with the runtime code for every Proxmox answer error', () => {
    const errors = [400, 401, 403, 500, 501, 595].map((status) =>
      failure(answer(status, { data: null, message: 'x' })),
    );
    expect(errors.map((error) => (error as ProxmoxServerError).exitCode)).toEqual(errors.map(() => ExitCode.runtime));
  });
});
