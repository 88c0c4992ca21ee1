import { powerTool } from './support/power-tool.js';

export const startVm = powerTool({
  name: 'start_vm',
  title: 'Start a VM or container',
  description: 'Start a stopped VM or container and wait; on failure returns the error lines of the start task.',
  action: 'start',
  risk: 'change',
});
