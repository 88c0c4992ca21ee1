import { powerTool } from './support/power-tool.js';

export const stopVm = powerTool({
  name: 'stop_vm',
  title: 'Force-stop a VM or container',
  description: 'Stop a VM or container immediately, like pulling the power cord (unsaved data in the guest is lost). Prefer shutdown_vm. Arguments: vmid (number), node (optional).',
  action: 'stop',
  risk: 'destructive',
});
