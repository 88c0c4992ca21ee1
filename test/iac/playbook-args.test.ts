import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clusterInventoryHosts, writeInventory } from '../../src/iac/ansible/cluster-inventory.js';
import {
  extraVarsSchema,
  limitSchema,
  playbookNameSchema,
  resolvePlaybook,
  runKey,
} from '../../src/iac/ansible/playbook-args.js';
import { startPipeline } from '../../harness/pipeline.js';

describe('run_playbook arguments', () => {
  it.each(['site.yml', 'web/deploy.yaml', 'a_b-c.yml'])('accepts the playbook name %s', (name) => {
    expect(playbookNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['../site.yml', 'web/../../etc.yml', '/etc/site.yml', 'site.sh', '-e@x.yml'])(
    'rejects the playbook name %s',
    (name) => {
      expect(playbookNameSchema.safeParse(name).success).toBe(false);
    },
  );

  it.each(['web', 'web,!web-02', 'node_pve1,&tag_prod', 'web-0*'])('accepts the limit %s', (limit) => {
    expect(limitSchema.safeParse(limit).success).toBe(true);
  });

  it.each(['@/etc/passwd', '~web.*', 'web; id', 'web $(id)'])('rejects the limit %s', (limit) => {
    expect(limitSchema.safeParse(limit).success).toBe(false);
  });

  it('accepts plain variables', () => {
    expect(extraVarsSchema.safeParse({ version: '1.2.3', port: 8080, debug: false, path: '/srv/app' }).success).toBe(
      true,
    );
  });

  it.each([
    ['a Jinja expression', { x: '{{ 7 * 7 }}' }],
    ['a Jinja statement', { x: '{% raw %}' }],
    ['a shell substitution', { x: '$(id)' }],
    ['a connection variable', { ansible_become_password: 'x' }],
    ['a magic variable', { hostvars: 'x' }],
    ['a nested value', { x: { y: 1 } }],
  ])('rejects %s in extraVars', (_label, vars) => {
    expect(extraVarsSchema.safeParse(vars).success).toBe(false);
  });

  it('gives the same run key whatever the order of the variables', () => {
    expect(runKey('/p/site.yml', 'web', { a: 1, b: 'x' })).toBe(runKey('/p/site.yml', 'web', { b: 'x', a: 1 }));
    expect(runKey('/p/site.yml', 'web', { a: 1 })).not.toBe(runKey('/p/site.yml', 'db', { a: 1 }));
  });
});

describe('resolvePlaybook', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-pb-'));
  fs.mkdirSync(path.join(dir, 'web'));
  fs.writeFileSync(path.join(dir, 'site.yml'), '- hosts: all\n');
  fs.writeFileSync(path.join(dir, 'web', 'deploy.yml'), '- hosts: web\n');

  it('finds a playbook inside a configured directory', () => {
    expect(resolvePlaybook([dir], 'web/deploy.yml')).toBe(path.join(fs.realpathSync(dir), 'web', 'deploy.yml'));
  });

  it('names the playbooks there when the one asked for is missing', () => {
    expect(() => resolvePlaybook([dir], 'nope.yml')).toThrow(
      `playbook 'nope.yml' is not in ${dir}; playbooks there: site.yml`,
    );
  });

  it('says what to configure when there are no playbook directories', () => {
    expect(() => resolvePlaybook([], 'site.yml')).toThrow(
      'no playbook directories are configured; set iac.playbookDirs in the config to the directories run_playbook may use',
    );
  });
});

describe('inventory generated from the cluster', () => {
  it('holds running VMs with guest-agent IPv4 addresses, grouped by node and tag', async () => {
    const pipeline = await startPipeline();
    try {
      const hosts = await clusterInventoryHosts(pipeline.api, new AbortController().signal);
      expect(hosts).toEqual([{ name: 'web-01', address: '192.168.1.50', groups: ['node_pve1', 'tag_prod'] }]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-inv-'));
      const file = writeInventory(dir, 'abc', hosts);
      expect(fs.readFileSync(file, 'utf8')).toBe(
        stringify({
          all: {
            hosts: { 'web-01': { ansible_host: '192.168.1.50' } },
            children: { node_pve1: { hosts: { 'web-01': null } }, tag_prod: { hosts: { 'web-01': null } } },
          },
        }),
      );
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await pipeline.close();
    }
  });
});
