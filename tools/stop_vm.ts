import { powerTool } from './support/power-tool.js';

export const stopVm = powerTool({
  name: 'stop_vm',
  title: 'Force-stop a VM or container',
  description:
    'Stop a VM or container at once, like pulling the power cord; unsaved guest data is lost. Prefer shutdown_vm.',
  action: 'stop',
  risk: 'destructive',
});
