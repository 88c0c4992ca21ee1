import { describe, expect, it } from 'vitest';
import type { ProxmoxApi, RawParams } from '../../src/core/ports/proxmox-api.js';
import { EvidenceReader, proxmoxWording } from '../../src/diagnose/evidence-reader.js';
import { ProxmoxPermissionError, ProxmoxServerError, ProxmoxUnreachableError } from '../../src/proxmox/errors.js';

/** A port that answers from a table and counts calls; unknown paths fail as Proxmox does. */
function tableApi(answers: Record<string, unknown>) {
  const calls: string[] = [];
  const api: Pick<ProxmoxApi, 'identity' | 'readRaw'> = {
    identity: 'root@pam!diag',
    async readRaw(path: string, _params?: RawParams) {
      calls.push(path);
      if (path in answers) return answers[path];
      throw new ProxmoxServerError(`storage 'nfs-media' is not online`, { method: 'GET', path });
    },
  };
  return { api, calls };
}

describe('the evidence reader', () => {
  it('reads each path once and lists it', async () => {
    const { api, calls } = tableApi({ '/nodes': [{ node: 'hv-a' }] });
    const reader = new EvidenceReader(api, new AbortController().signal);
    await Promise.all([reader.read('/nodes'), reader.read('/nodes')]);
    expect(calls).toEqual(['/nodes']);
    expect(reader.reads).toEqual(['GET /nodes']);
  });

  it('keeps a failed read as evidence in Proxmox words', async () => {
    const reader = new EvidenceReader(tableApi({}).api, new AbortController().signal);
    expect(await reader.read('/nodes/hv-a/storage/nfs-media/content', { vmid: 322 })).toEqual({
      ok: false,
      message: "storage 'nfs-media' is not online",
    });
    expect(reader.reads).toEqual(['GET /nodes/hv-a/storage/nfs-media/content?vmid=322']);
  });

  it("restores Proxmox's wording of a 403 and a 595", () => {
    const call = { method: 'GET', path: '/nodes/hv-a/status' };
    expect(
      proxmoxWording(
        new ProxmoxPermissionError('audit@pve!diag', 'Permission check failed (/nodes/hv-a, Sys.Audit)', call),
      ),
    ).toBe('Permission check failed (/nodes/hv-a, Sys.Audit)');
    expect(
      proxmoxWording(
        new ProxmoxUnreachableError({ kind: 'node', node: 'hv-a', status: 595, reason: 'No route to host' }, call),
      ),
    ).toBe('595 No route to host');
  });
});
