import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfirmAnswer } from '../../src/core/approver.js';
import { createIacAdapters } from '../../src/iac/index.js';
import { ScriptedApprover, startPipeline } from '../../harness/pipeline.js';

const standIn = path.join(import.meta.dirname, '../fixtures/iac/standin-terraform.mjs');
const twoUbuntuVms = {
  name: 'ubuntu',
  node: 'pve1',
  cloneVmid: 105,
  cores: 2,
  memoryMiB: 4096,
  bridge: 'vmbr0',
  count: 2,
};

/** A pipeline whose PATH is `binDir` only: empty (no terraform) or holding the stand-in. */
async function pipelineWith(options: { binDir: string; allowInit?: boolean; approve?: boolean; userRules?: string }) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-tf-'));
  const approver = new ScriptedApprover((): ConfirmAnswer => ({
    approved: options.approve ?? true,
    decidedBy: 'human',
  }));
  const pipeline = await startPipeline({
    approver,
    ...(options.userRules ? { userRules: options.userRules } : {}),
    adapters: (sim) => ({
      iac: createIacAdapters({
        paths: { workspacesDir: path.join(home, 'workspaces') },
        config: { iac: { allowInit: options.allowInit ?? false } },
        profile: { url: sim.url, tokenId: 'root@pam!tf', tokenSecret: 'stand-in-secret' },
        env: { PATH: options.binDir, HOME: home },
      }),
    }),
  });
  return { pipeline, approver, workspaces: path.join(home, 'workspaces') };
}

function emptyBin(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-nobin-'));
}

describe('plan_terraform without terraform or tofu on PATH', () => {
  it('returns validated HCL and a preview labelled as such, never a plan', async () => {
    const { pipeline, workspaces } = await pipelineWith({ binDir: emptyBin() });
    const outcome = await pipeline.call('plan_terraform', twoUbuntuVms);
    await pipeline.close();
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toContain(
      'NO PLAN RAN (neither terraform nor tofu is on PATH). PREVIEW, worked out by proxmox-ai from the live cluster, not by Terraform:',
    );
    expect(outcome.text).toContain(
      '+ create proxmox_virtual_environment_vm.vm_ubuntu_1: VM 106 "ubuntu-1" on pve1, clone of 105 (ubuntu-2404-tmpl), 2 cores, 4096 MiB',
    );
    expect(outcome.text).toContain('+ create proxmox_virtual_environment_vm.vm_ubuntu_2: VM 107 "ubuntu-2"');
    expect(outcome.text).toContain('install Terraform (https://developer.hashicorp.com/terraform/install) or OpenTofu');
    expect(outcome.text).not.toMatch(/planId "/);
    expect(outcome.structured).toMatchObject({ planned: false });
    const mainTf = path.join(workspaces, 'terraform', 'ubuntu', 'main.tf');
    expect(fs.readFileSync(mainTf, 'utf8')).toBe(outcome.structured?.hcl);
    expect(fs.statSync(mainTf).mode & 0o777).toBe(0o600);
  });

  it('writes nothing when the policy denies planning', async () => {
    const { pipeline, workspaces } = await pipelineWith({
      binDir: emptyBin(),
      userRules: '- id: no-iac\n  tools: ["plan_terraform"]\n  verdict: deny\n',
    });
    const outcome = await pipeline.call('plan_terraform', twoUbuntuVms);
    await pipeline.close();
    expect(outcome).toMatchObject({ status: 'denied', ruleId: 'no-iac' });
    expect(fs.existsSync(workspaces)).toBe(false);
  });

  it('has no plan for apply_terraform to apply', async () => {
    const { pipeline } = await pipelineWith({ binDir: emptyBin() });
    const outcome = await pipeline.call('apply_terraform', { planId: 'plan-abcdefghij-change' });
    await pipeline.close();
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toBe(
      'there is no plan plan-abcdefghij-change in this session; call plan_terraform first and use the planId it returns',
    );
  });
});

describe('plan_terraform checks the request against the live cluster (simulator)', () => {
  let context: Awaited<ReturnType<typeof pipelineWith>>;
  beforeAll(async () => {
    context = await pipelineWith({ binDir: emptyBin() });
  });
  afterAll(async () => context?.pipeline.close());

  it.each([
    ['an unknown node', { node: 'pve9' }, "node 'pve9' is not in this cluster; nodes: pve1, pve2"],
    [
      'a bridge missing on the node',
      { bridge: 'vmbr1' },
      "bridge 'vmbr1' does not exist on node pve1; bridges there: vmbr0",
    ],
    [
      'a full storage',
      { node: 'pve2', disks: [{ storage: 'local-lvm', sizeGiB: 32 }] },
      "storage 'local-lvm' on pve2 has 0 GiB free; the request needs 64 GiB (2 VM(s)); free space or pick another storage",
    ],
    [
      'a storage that holds no VM disks',
      { disks: [{ storage: 'local', sizeGiB: 32 }] },
      "storage 'local' on pve1 does not hold VM disks (content: iso,vztmpl,backup); pick one with 'images'",
    ],
    [
      'a missing template',
      { cloneVmid: 999 },
      'there is no template or VM 999 in this cluster (or this token may not see it); list_vms shows the ids',
    ],
    ['a container as template', { cloneVmid: 200 }, '200 is a container; cloneVmid needs a VM template'],
    [
      'a vmid already taken',
      { vmid: 101 },
      'VM id 101 is not free (Proxmox rejected GET /cluster/nextid: vmid: VM 101 already exists); leave vmid out to use the next free ids',
    ],
  ])('fails with one line for %s, writing nothing', async (_label, change, message) => {
    const outcome = await context.pipeline.call('plan_terraform', { ...twoUbuntuVms, name: 'rejected', ...change });
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toBe(message);
    expect(fs.existsSync(path.join(context.workspaces, 'terraform', 'rejected'))).toBe(false);
  });
});

// Everything below drives a STAND-IN terraform executable (test/fixtures/iac/standin-terraform.mjs),
// not HashiCorp's: it proves our init/plan/show -json/apply path, the plan-JSON summary and the risk it implies.
describe('plan_terraform and apply_terraform with a stand-in terraform on PATH', () => {
  let binDir: string;
  beforeAll(() => {
    binDir = emptyBin();
    fs.writeFileSync(path.join(binDir, 'terraform'), `#!${process.execPath}\n${fs.readFileSync(standIn, 'utf8')}`, {
      mode: 0o755,
    });
  });

  it('does not init (download providers) without iac.allowInit, and says how to allow it', async () => {
    const { pipeline } = await pipelineWith({ binDir });
    const outcome = await pipeline.call('plan_terraform', twoUbuntuVms);
    await pipeline.close();
    expect(outcome.status).toBe('ok');
    expect(outcome.text).toContain(
      "NO PLAN RAN (terraform is installed but the workspace is not initialised, and downloading the bpg/proxmox provider needs consent: run 'proxmox-ai config set iac.allowInit true'",
    );
    expect(outcome.text).not.toContain('install Terraform');
  });

  it('plans, summarises show -json and applies the saved plan after confirmation', async () => {
    const { pipeline, approver, workspaces } = await pipelineWith({ binDir, allowInit: true });
    const planned = await pipeline.call('plan_terraform', twoUbuntuVms);
    const planId = String(planned.structured?.planId);
    const progress: string[] = [];
    const applied = await pipeline.call('apply_terraform', { planId }, { onProgress: (line) => progress.push(line) });
    const again = await pipeline.call('apply_terraform', { planId });
    await pipeline.close();

    expect(planned.text).toContain(
      'PLAN (terraform plan ran): 2 to create, 0 to update, 0 to replace, 0 to delete\n+ create proxmox_virtual_environment_vm.vm_ubuntu_1\n+ create proxmox_virtual_environment_vm.vm_ubuntu_2',
    );
    expect(planId).toMatch(/^plan-[a-z2-7]{10}-change$/);
    expect(approver.asked).toHaveLength(1);
    expect(approver.asked[0]).toMatchObject({
      tool: 'apply_terraform',
      risk: 'change',
      target: { node: 'pve1', name: 'ubuntu' },
    });
    expect(approver.asked[0]!.target.detail).toBe(
      '2 to create, 0 to update, 0 to replace, 0 to delete\n+ create proxmox_virtual_environment_vm.vm_ubuntu_1\n+ create proxmox_virtual_environment_vm.vm_ubuntu_2',
    );
    expect(applied.status).toBe('ok');
    expect(progress).toContain('proxmox_virtual_environment_vm.vm_ubuntu_1: create... done');
    expect(again.text).toBe(`plan ${planId} was already applied; call plan_terraform again for a fresh plan`);
    const workspace = path.join(workspaces, 'terraform', 'ubuntu');
    expect(JSON.parse(fs.readFileSync(path.join(workspace, 'standin-env.json'), 'utf8'))).toEqual({
      token: 'root@pam!tf=stand-in-secret',
      insecure: null,
    });
    expect(fs.readFileSync(path.join(workspace, 'main.tf'), 'utf8')).not.toContain('stand-in-secret');
  });

  it('applies nothing when the person declines, and the plan stays unapplied', async () => {
    const { pipeline, approver, workspaces } = await pipelineWith({ binDir, allowInit: true, approve: false });
    const planned = await pipeline.call('plan_terraform', { ...twoUbuntuVms, name: 'declined' });
    const outcome = await pipeline.call('apply_terraform', { planId: planned.structured?.planId });
    await pipeline.close();
    expect(approver.asked).toHaveLength(1);
    expect(outcome.status).toBe('denied');
    const workspace = path.join(workspaces, 'terraform', 'declined');
    expect(fs.existsSync(path.join(workspace, 'terraform.tfstate'))).toBe(false);
  });

  it('treats a plan that replaces a VM as destructive: typed confirmation showing why', async () => {
    const { pipeline, approver } = await pipelineWith({ binDir, allowInit: true });
    const web = { name: 'web', node: 'pve1', cloneVmid: 105, cores: 2, memoryMiB: 2048, bridge: 'vmbr0' };
    const first = await pipeline.call('plan_terraform', web);
    await pipeline.call('apply_terraform', { planId: first.structured?.planId });
    const moved = await pipeline.call('plan_terraform', {
      ...web,
      node: 'pve2',
      disks: [{ storage: 'local', sizeGiB: 8 }],
    });
    const planId = String(moved.structured?.planId);
    const applied = await pipeline.call('apply_terraform', { planId });
    await pipeline.close();

    expect(planId).toMatch(/-destructive$/);
    expect(moved.text).toContain(
      '0 to create, 0 to update, 1 to replace, 0 to delete\n-/+ replace proxmox_virtual_environment_vm.vm_web (node_name cannot be changed in place)',
    );
    expect(approver.asked[1]).toMatchObject({
      risk: 'destructive',
      confirm: 'typed',
      target: { name: 'web', node: 'pve2' },
    });
    expect(applied.status).toBe('ok');
  });

  it('refuses a planId whose risk suffix was edited', async () => {
    const { pipeline, approver } = await pipelineWith({ binDir, allowInit: true });
    const planned = await pipeline.call('plan_terraform', {
      name: 'edited',
      node: 'pve1',
      cloneVmid: 105,
      cores: 1,
      memoryMiB: 1024,
      bridge: 'vmbr0',
    });
    const forged = String(planned.structured?.planId).replace(/-change$/, '-destructive');
    const outcome = await pipeline.call('apply_terraform', { planId: forged });
    await pipeline.close();
    expect(outcome.status).toBe('failed');
    expect(outcome.text).toMatch(/^there is no plan plan-[a-z2-7]{10}-destructive in this session/);
    expect(approver.asked).toHaveLength(0);
  });
});
