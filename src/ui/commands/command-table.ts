/** What a command's arguments are, for parsing and Tab completion. */
export type ArgumentKind =
  | 'none'
  | 'vmid'
  | 'optional-vmid'
  | 'vmid-name'
  | 'vmid-options'
  | 'node'
  | 'optional-node'
  | 'filter'
  | 'count'
  | 'model';

export interface CommandSpec {
  name: string;
  argument: ArgumentKind;
  usage: string;
  summary: string;
  /** The tool a command calls through the scheduler; absent for commands the TUI answers itself. */
  tool?: string;
  /** vmid-options: the tool arguments the words after the vmid fill, in order (all required). */
  positional?: readonly string[];
  /** vmid-options: `word=value` (or a bare `word`, meaning yes) and the tool argument it sets. */
  options?: Readonly<Record<string, string>>;
}

export const commandTable: readonly CommandSpec[] = [
  {
    name: 'vms',
    argument: 'filter',
    usage: '/vms [filter]',
    summary: 'list guests, optionally those whose name contains the filter',
    tool: 'list_vms',
  },
  {
    name: 'nodes',
    argument: 'none',
    usage: '/nodes',
    summary: 'the nodes: load, IO wait, memory, disk fill',
    tool: 'list_nodes',
  },
  {
    name: 'storage',
    argument: 'optional-node',
    usage: '/storage [node]',
    summary: 'storage per node: type, fill, free space',
    tool: 'list_storage',
  },
  {
    name: 'logs',
    argument: 'vmid',
    usage: '/logs VMID',
    summary: "the log of the guest's latest task",
    tool: 'read_task_log',
  },
  {
    name: 'journal',
    argument: 'node',
    usage: '/journal NODE',
    summary: "a node's system journal",
    tool: 'read_journal',
  },
  {
    name: 'diagnose',
    argument: 'vmid',
    usage: '/diagnose VMID',
    summary: 'find out why a guest misbehaves',
    tool: 'diagnose_vm',
  },
  {
    name: 'problems',
    argument: 'optional-node',
    usage: '/problems [NODE]',
    summary: 'what is failing or at risk: guests, backups, capacity, security',
    tool: 'find_problems',
  },
  {
    name: 'backups',
    argument: 'optional-vmid',
    usage: '/backups [VMID]',
    summary: "each guest's newest backup, its job and its last run",
    tool: 'list_backups',
  },
  { name: 'resume', argument: 'vmid', usage: '/resume VMID', summary: 'resume a paused VM', tool: 'resume_vm' },
  {
    name: 'resources',
    argument: 'vmid-options',
    usage: '/resources VMID K=V',
    summary: 'memory=MiB balloon=MiB cores=N sockets=N onboot=yes|no',
    tool: 'set_vm_resources',
    options: { memory: 'memoryMiB', balloon: 'balloonMiB', cores: 'cores', sockets: 'sockets', onboot: 'onboot' },
  },
  {
    name: 'network',
    argument: 'vmid-options',
    usage: '/network VMID NIC',
    summary: 'move a VM NIC: bridge=NAME and/or vlan=N (0: none)',
    tool: 'set_vm_network',
    positional: ['nic'],
    options: { bridge: 'bridge', vlan: 'vlan' },
  },
  {
    name: 'clone',
    argument: 'vmid-options',
    usage: '/clone VMID [K=V]',
    summary: 'clone a template: name= newid= target= storage= full=no',
    tool: 'clone_vm',
    options: { name: 'name', newid: 'newid', target: 'targetNode', storage: 'storage', full: 'full' },
  },
  {
    name: 'migrate',
    argument: 'vmid-options',
    usage: '/migrate VMID NODE',
    summary: "move a VM to NODE (add 'online' to move it live)",
    tool: 'migrate_vm',
    positional: ['targetNode'],
    options: { online: 'online' },
  },
  { name: 'start', argument: 'vmid', usage: '/start VMID', summary: 'start a guest', tool: 'start_vm' },
  {
    name: 'shutdown',
    argument: 'vmid',
    usage: '/shutdown VMID',
    summary: 'shut a guest down cleanly',
    tool: 'shutdown_vm',
  },
  {
    name: 'stop',
    argument: 'vmid',
    usage: '/stop VMID',
    summary: 'stop a guest at once (like pulling the plug)',
    tool: 'stop_vm',
  },
  { name: 'reboot', argument: 'vmid', usage: '/reboot VMID', summary: 'reboot a guest', tool: 'reboot_vm' },
  {
    name: 'snapshot',
    argument: 'vmid-name',
    usage: '/snapshot VMID NAME',
    summary: 'take a snapshot named NAME',
    tool: 'snapshot_vm',
  },
  { name: 'audit', argument: 'count', usage: '/audit [n]', summary: 'the last n audit records (default 20)' },
  { name: 'policy', argument: 'none', usage: '/policy', summary: "the rules in force and this session's grants" },
  {
    name: 'model',
    argument: 'model',
    usage: '/model [name]',
    summary: 'show the model, or switch to another installed one',
  },
  {
    name: 'top',
    argument: 'none',
    usage: '/top',
    summary: 'live table of guests and nodes, refreshing (also Ctrl-T)',
  },
  { name: 'clear', argument: 'none', usage: '/clear', summary: 'start a new conversation (the audit trail goes on)' },
  { name: 'help', argument: 'none', usage: '/help', summary: 'commands and keys' },
  { name: 'quit', argument: 'none', usage: '/quit', summary: 'leave proxmox-ai' },
];

export function findCommand(name: string): CommandSpec | undefined {
  return commandTable.find((command) => command.name === name);
}
