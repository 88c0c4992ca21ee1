import { powerTool } from './support/power-tool.js';

export const stopVm = powerTool({
  name: 'stop_vm',
  title: 'Force-stop a VM or container',
  description: 'Power a VM or container off at once; unsaved guest data is lost. Prefer shutdown_vm.',
  action: 'stop',
  risk: 'destructive',
});
