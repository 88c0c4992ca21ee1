import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRecap, parseRecap } from '../../src/iac/ansible/recap.js';
import { playbookArgs } from '../../src/iac/ansible/run-ansible.js';

const mixed = fs.readFileSync(path.join(import.meta.dirname, '../fixtures/iac/ansible-mixed-run.txt'), 'utf8');

describe('parseRecap (default callback output)', () => {
  const recap = parseRecap(mixed);

  it('reads the PLAY RECAP counts per host', () => {
    expect(
      recap.hosts.map(({ host, ok, changed, unreachable, failed, ignored }) => ({
        host,
        ok,
        changed,
        unreachable,
        failed,
        ignored,
      })),
    ).toEqual([
      { host: 'db-01', ok: 0, changed: 0, unreachable: 1, failed: 0, ignored: 0 },
      { host: 'web-01', ok: 1, changed: 1, unreachable: 0, failed: 1, ignored: 0 },
      { host: 'web-02', ok: 4, changed: 2, unreachable: 0, failed: 0, ignored: 1 },
    ]);
  });

  it('attaches each failure to its task, with the message from the result JSON', () => {
    expect(recap.hosts.find((host) => host.host === 'web-01')!.failures).toEqual([
      { task: 'render config', message: "AnsibleUndefinedVariable: 'port' is undefined" },
    ]);
    expect(recap.hosts.find((host) => host.host === 'db-01')!.failures[0]!.message).toMatch(
      /^Failed to connect to the host via ssh/,
    );
  });

  it('leaves out failures that the play ignored', () => {
    expect(recap.hosts.find((host) => host.host === 'web-02')!.failures).toEqual([]);
  });

  it('lists the tasks and handlers that changed something per host', () => {
    expect(recap.hosts.find((host) => host.host === 'web-02')!.changedTasks).toEqual(['render config', 'reload nginx']);
  });

  it('keeps ERROR! lines of a run that never reached a recap', () => {
    expect(parseRecap('ERROR! the playbook: missing.yml could not be found\n')).toEqual({
      hosts: [],
      errors: ['the playbook: missing.yml could not be found'],
    });
  });

  it('describes the run in compact lines', () => {
    expect(describeRecap(recap)).toEqual([
      'db-01: ok=0 changed=0 unreachable=1 failed=0 skipped=0',
      '  FAILED "install nginx": Failed to connect to the host via ssh: ssh: connect to host 192.0.2.7 port 22: Connection refused',
      'web-01: ok=1 changed=1 unreachable=0 failed=1 skipped=0',
      `  FAILED "render config": AnsibleUndefinedVariable: 'port' is undefined`,
      '  changed: "install nginx"',
      'web-02: ok=4 changed=2 unreachable=0 failed=0 skipped=0',
      '  changed: "render config", "reload nginx"',
    ]);
  });
});

describe('playbookArgs', () => {
  it('builds one argument array: inventory, limit, extra vars as JSON, check flags, playbook last', () => {
    expect(
      playbookArgs({
        playbookFile: '/srv/pb/site.yml',
        inventory: '/tmp/inv.yml',
        limit: 'web,!web-02',
        extraVars: { version: '1.2.3', debug: false },
        check: true,
      }),
    ).toEqual([
      '-i',
      '/tmp/inv.yml',
      '--limit',
      'web,!web-02',
      '--extra-vars',
      '{"version":"1.2.3","debug":false}',
      '--check',
      '--diff',
      '/srv/pb/site.yml',
    ]);
  });

  it('leaves check flags and empty extra vars out of a real run', () => {
    expect(
      playbookArgs({ playbookFile: '/srv/pb/site.yml', inventory: '/tmp/inv.yml', extraVars: {}, check: false }),
    ).toEqual(['-i', '/tmp/inv.yml', '/srv/pb/site.yml']);
  });
});
