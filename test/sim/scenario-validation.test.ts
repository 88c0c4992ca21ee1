import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.js';
import { loadScenarioFile, parseScenario, ScenarioError, validateScenario } from '../../src/sim/index.js';

const valid = `name: t
nodes:
  - name: pve1
    bridges: [vmbr0]
guests:
  - vmid: 100
    type: qemu
    node: pve1
`;

function errorOf(action: () => unknown): ScenarioError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('no ScenarioError thrown');
}

describe('scenario validation', () => {
  it('fills in defaults for omitted fields', () => {
    const scenario = validateScenario(parseScenario(valid, 't.yaml'), 't.yaml');
    expect(scenario.nodes[0]).toMatchObject({ status: 'online', cpus: 8, memoryMiB: 65536, storage: [], tasks: [] });
    expect(scenario.guests[0]).toMatchObject({
      status: 'stopped',
      tags: [],
      lock: null,
      template: false,
      config: {},
      agent: null,
      ha: null,
    });
    expect(scenario).toMatchObject({ schemaVersion: 1, quorate: true, access: {}, journal: {} });
    expect(scenario).toMatchObject({ backupJobs: [], pools: [], firewall: { enable: false }, clusterOptions: {} });
  });

  it('refuses a backup job id used twice and names an unknown backup mode', () => {
    const jobs = `${valid}backupJobs:\n  - { id: nightly, storage: local }\n  - { id: nightly, storage: nfs }\n`;
    expect(errorOf(() => parseScenario(jobs, 'jobs.yaml')).message).toContain(
      "backupJobs[1] (line 11): backup job 'nightly' is listed twice",
    );
    const mode = `${valid}backupJobs:\n  - { id: nightly, storage: local, mode: fast }\n`;
    expect(errorOf(() => parseScenario(mode, 'mode.yaml')).message).toContain('backupJobs[0].mode (line 10)');
  });

  it('names the path and line of a wrongly typed field', () => {
    const error = errorOf(() => parseScenario(valid.replace('vmid: 100', 'vmid: abc'), 'bad.yaml'));
    expect(error.message).toBe(
      'scenario bad.yaml: guests[0].vmid (line 6): Invalid input: expected number, received string',
    );
  });

  it('names the line of an unknown field', () => {
    const error = errorOf(() =>
      parseScenario(valid.replace('    bridges: [vmbr0]', '    bridges: [vmbr0]\n    memoryMib: 4096'), 'typo.yaml'),
    );
    expect(error.message).toBe('scenario typo.yaml: nodes[0].memoryMib (line 5): unknown field');
  });

  it('names a missing required field at its parent', () => {
    const error = errorOf(() => parseScenario(valid.replace('    type: qemu\n', ''), 'missing.yaml'));
    expect(error.message).toBe('scenario missing.yaml: guests[0].type (line 6): required field is missing');
  });

  it('refuses a guest on a node the scenario does not have', () => {
    const error = errorOf(() => parseScenario(valid.replace('    node: pve1', '    node: pve9'), 'node.yaml'));
    expect(error.message).toBe(
      "scenario node.yaml: guests[0].node (line 8): node 'pve9' is not among the scenario's nodes",
    );
  });

  it('refuses a vmid used twice', () => {
    const twice = `${valid}  - vmid: 100\n    type: lxc\n    node: pve1\n`;
    expect(errorOf(() => parseScenario(twice, 'twice.yaml')).message).toContain(
      'guests[1].vmid (line 9): vmid 100 is used twice',
    );
  });

  it('reports YAML syntax errors with their line', () => {
    const error = errorOf(() => parseScenario('name: t\nnodes: [\n', 'syntax.yaml'));
    expect(error.message).toMatch(/^scenario syntax\.yaml \(line \d\): not valid YAML/);
  });

  it('reads JSON scenarios and names paths and lines in them too', () => {
    const json = JSON.stringify({ name: 't', nodes: [{ name: 'pve1', cpus: 'many' }] }, null, 2);
    expect(errorOf(() => parseScenario(json, 'bad.json')).message).toBe(
      'scenario bad.json: nodes[0].cpus (line 6): Invalid input: expected number, received string',
    );
  });

  it('is an AppError with code scenario.invalid and exit code 2', () => {
    const error = errorOf(() => parseScenario('name: t\n', 'empty.yaml'));
    expect(AppError.isInstance(error)).toBe(true);
    expect(error.code).toBe('scenario.invalid');
    expect(error.exitCode).toBe(2);
  });

  it('names a file it cannot read', () => {
    const file = path.join(os.tmpdir(), 'proxmox-ai-no-such-scenario.yaml');
    expect(errorOf(() => loadScenarioFile(file)).message).toBe(
      `scenario file ${file} cannot be read (ENOENT); pass an existing YAML or JSON file`,
    );
  });

  it('loads a scenario file by path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-scenario-'));
    const file = path.join(dir, 'mine.yaml');
    fs.writeFileSync(file, valid);
    expect(loadScenarioFile(file).name).toBe('t');
    fs.rmSync(dir, { recursive: true });
  });

  it('accepts bridge objects with VLAN awareness and MTU', () => {
    const scenario = validateScenario(
      parseScenario(valid.replace('[vmbr0]', '[{ name: vmbr0, vlanAware: true, mtu: 9000 }]'), 'b.yaml'),
      'b.yaml',
    );
    expect(scenario.nodes[0]!.bridges).toEqual([{ name: 'vmbr0', vlanAware: true, mtu: 9000 }]);
  });
});
