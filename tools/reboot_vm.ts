import { powerTool } from './support/power-tool.js';

export const rebootVm = powerTool({
  name: 'reboot_vm',
  title: 'Reboot a VM or container',
  description: 'Reboot a running VM or container cleanly and wait for the result.',
  action: 'reboot',
  risk: 'change',
});
