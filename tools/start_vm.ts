import { powerTool } from './support/power-tool.js';

export const startVm = powerTool({
  name: 'start_vm',
  title: 'Start a VM or container',
  description: 'Start a stopped VM or container and wait for the result; on failure it returns the error lines of the start task. Arguments: vmid (number), node (optional).',
  action: 'start',
  risk: 'change',
});
