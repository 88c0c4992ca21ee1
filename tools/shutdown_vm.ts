import { z } from 'zod';
import { guestArgs } from './support/schemas.js';
import { powerTool } from './support/power-tool.js';

export const shutdownVm = powerTool({
  name: 'shutdown_vm',
  title: 'Shut down a VM or container',
  description: 'Shut a running VM or container down cleanly (ACPI or guest agent) and wait.',
  action: 'shutdown',
  risk: 'change',
  input: guestArgs.extend({ timeoutSeconds: z.coerce.number().int().min(1).max(3600).optional() }),
  params: (args) => (args.timeoutSeconds ? { timeout: args.timeoutSeconds } : {}),
});
