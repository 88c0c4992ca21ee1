import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxmoxClient, type ProxmoxClient } from '../../src/proxmox/client.js';
import {
  ProxmoxNotImplementedError,
  ProxmoxParameterError,
  ProxmoxPermissionError,
  ProxmoxServerError,
  ProxmoxUnreachableError,
} from '../../src/proxmox/errors.js';
import { startScenario, tokenProfile, type Simulator } from './support/sim.js';
import { rejectionOf } from './support/thrown.js';

// pve3 is offline; the operator token may only audit, plus power guest 100.
const scenario = `
name: client-errors
access:
  tokens:
    - id: "root@pam!sim"
      secret: "7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0001"
    - id: "ops@pve!ai"
      secret: "7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0002"
      privileges: { "/": ["Sys.Audit", "VM.Audit"], "/vms/100": ["VM.PowerMgmt"] }
nodes:
  - { name: pve1 }
  - { name: pve3, status: offline }
guests:
  - { vmid: 100, type: qemu, node: pve1, name: web-01, status: running }
  - { vmid: 101, type: qemu, node: pve1, name: db-01, status: stopped }
`;

let sim: Simulator;
let root: ProxmoxClient;
let operator: ProxmoxClient;
const db = { node: 'pve1', type: 'qemu', vmid: 101 } as const;

beforeAll(async () => {
  sim = await startScenario(scenario);
  root = createProxmoxClient(tokenProfile(sim));
  operator = createProxmoxClient(
    tokenProfile(sim, { tokenId: 'ops@pve!ai', tokenSecret: '7a1f0b57-2a64-4d1b-9c55-1f6e2f0f0002' }),
  );
});

afterAll(async () => {
  await root.close();
  await operator.close();
  await sim.close();
});

describe('Proxmox answers become typed errors', () => {
  it('400 names the rejected parameter', async () => {
    const error = await rejectionOf(root.api.call('GET', '/nodes/pve1/qemu/abc/status/current', z.unknown()));
    expect(error).toBeInstanceOf(ProxmoxParameterError);
    expect(Object.keys((error as ProxmoxParameterError).errors)).toEqual(['vmid']);
    expect(error.message).toMatch(/: vmid: /);
  });

  it('403 names the missing privilege and its path', async () => {
    const error = await rejectionOf(operator.guests.power(db, 'start'));
    expect(error).toBeInstanceOf(ProxmoxPermissionError);
    expect((error as ProxmoxPermissionError).missing).toEqual({
      aclPath: '/vms/101',
      privileges: ['VM.PowerMgmt'],
      anyOf: false,
    });
    expect(error.message).toContain("--tokens 'ops@pve!ai'");
  });

  it("500 carries Proxmox's own message", async () => {
    const error = await rejectionOf(root.guests.power(db, 'reboot'));
    expect(error).toBeInstanceOf(ProxmoxServerError);
    expect((error as ProxmoxServerError).proxmoxMessage).toBe('VM 101 not running');
  });

  it('501 for a path Proxmox does not have', async () => {
    await expect(root.api.call('GET', '/nodes/pve1/qemu/100/foo', z.unknown())).rejects.toBeInstanceOf(
      ProxmoxNotImplementedError,
    );
  });

  it('595 names the offline node', async () => {
    const error = await rejectionOf(root.nodes.status('pve3'));
    expect(error).toBeInstanceOf(ProxmoxUnreachableError);
    expect((error as ProxmoxUnreachableError).target).toMatchObject({ kind: 'node', node: 'pve3', status: 595 });
  });
});
