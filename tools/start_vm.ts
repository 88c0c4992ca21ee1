import { powerTool } from './support/power-tool.js';

export const startVm = powerTool({
  name: 'start_vm',
  title: 'Start a VM or container',
  description: "Start a stopped VM or container and wait; on failure returns the task's error lines.",
  action: 'start',
  risk: 'change',
});
