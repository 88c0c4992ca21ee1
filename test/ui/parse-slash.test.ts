import { describe, expect, it } from 'vitest';
import { parseSlash } from '../../src/ui/commands/parse-slash.js';

const command = (line: string) => {
  const parsed = parseSlash(line);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.command;
};
const message = (line: string) => {
  const parsed = parseSlash(line);
  return parsed.ok ? null : parsed.message;
};

describe('parseSlash', () => {
  it.each([
    ['/vms', 'list_vms', {}],
    ['/vms db', 'list_vms', { name: 'db' }],
    ['/nodes', 'list_nodes', {}],
    ['/storage', 'list_storage', {}],
    ['/storage pve2', 'list_storage', { node: 'pve2' }],
    ['/logs 101', 'read_task_log', { vmid: 101 }],
    ['/journal pve1', 'read_journal', { node: 'pve1' }],
    ['/start 105', 'start_vm', { vmid: 105 }],
    ['/shutdown 100', 'shutdown_vm', { vmid: 100 }],
    ['/stop 101', 'stop_vm', { vmid: 101 }],
    ['/reboot 200', 'reboot_vm', { vmid: 200 }],
    ['/snapshot 101 before-upgrade', 'snapshot_vm', { vmid: 101, name: 'before-upgrade' }],
    ['/diagnose 101', 'diagnose_vm', { vmid: 101 }],
    ['/problems', 'find_problems', {}],
    ['/problems pve2', 'find_problems', { node: 'pve2' }],
    ['/backups', 'list_backups', {}],
    ['/backups 200', 'list_backups', { vmid: 200 }],
    ['/resume 103', 'resume_vm', { vmid: 103 }],
    ['/resources 104 memory=49152 onboot=yes', 'set_vm_resources', { vmid: 104, memoryMiB: 49152, onboot: true }],
    ['/network 101 net0 bridge=vmbr0 vlan=0', 'set_vm_network', { vmid: 101, nic: 'net0', bridge: 'vmbr0', vlan: 0 }],
    ['/clone 105 name=web-02 full=no', 'clone_vm', { vmid: 105, name: 'web-02', full: false }],
    ['/migrate 104 pve2 online', 'migrate_vm', { vmid: 104, targetNode: 'pve2', online: true }],
  ])('maps %s to the tool call %s', (line, tool, args) => {
    expect(command(line)).toEqual({ kind: 'tool', tool, args });
  });

  it('says how to write /backups and /problems with a wrong argument', () => {
    expect(message('/backups abc')).toBe(
      'usage: /backups [VMID] (no argument, or a guest id or name such as 101 or db-01)',
    );
    expect(message('/problems pve1 pve2')).toBe('usage: /problems [NODE] (no argument, or a node name such as pve1)');
  });

  it('takes a guest name where an id goes', () => {
    const guests = [
      { vmid: 100, name: 'web-01' },
      { vmid: 101, name: 'db-01' },
    ];
    expect(parseSlash('/stop web-01', guests)).toEqual({
      ok: true,
      command: { kind: 'tool', tool: 'stop_vm', args: { vmid: 100 } },
    });
    expect(parseSlash('/stop www', guests)).toMatchObject({ ok: false });
  });

  it('maps the commands the TUI answers itself', () => {
    expect(command('/audit')).toEqual({ kind: 'audit', count: 20 });
    expect(command('/audit 5')).toEqual({ kind: 'audit', count: 5 });
    expect(command('/policy')).toEqual({ kind: 'policy' });
    expect(command('/model')).toEqual({ kind: 'model', name: null });
    expect(command('/model llama3.1:8b')).toEqual({ kind: 'model', name: 'llama3.1:8b' });
    expect(command('/clear')).toEqual({ kind: 'clear' });
    expect(command('/help')).toEqual({ kind: 'help' });
    expect(command('/quit')).toEqual({ kind: 'quit' });
  });

  it('ignores case of the command name and extra spaces', () => {
    expect(command('  /START   105 ')).toEqual({ kind: 'tool', tool: 'start_vm', args: { vmid: 105 } });
  });

  it('names /help for an unknown command', () => {
    expect(message('/destroy 101')).toBe('unknown command /destroy; /help lists the commands');
  });

  it('shows the usage when a guest id is missing or not one', () => {
    expect(message('/start')).toBe('usage: /start VMID (a guest id or name such as 101 or db-01)');
    expect(message('/start db-01')).toBe('usage: /start VMID (a guest id or name such as 101 or db-01)');
    expect(message('/stop 99')).toBe('usage: /stop VMID (a guest id or name such as 101 or db-01)');
    expect(message('/start 101 102')).toBe('usage: /start VMID (a guest id or name such as 101 or db-01)');
  });

  it('wants both the guest id and the name of a snapshot', () => {
    expect(message('/snapshot 101')).toBe('usage: /snapshot VMID NAME (e.g. /snapshot 101 before-upgrade)');
  });

  it('refuses arguments to commands that take none and bad audit counts', () => {
    expect(message('/nodes pve1')).toBe('usage: /nodes (it takes no arguments)');
    expect(message('/audit lots')).toBe('usage: /audit [n] (a count from 1 to 1000)');
    expect(message('/audit 0')).toBe('usage: /audit [n] (a count from 1 to 1000)');
  });
});
