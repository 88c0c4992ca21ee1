import type { IacPort } from '../core/ports/iac.js';
import type { ToolContext } from '../core/tool.js';
import { IacRequestError } from './iac-error.js';

/** The session's Terraform/Ansible adapters, or one line saying they are not there. */
export function requireIac(ctx: ToolContext): IacPort {
  if (!ctx.iac) {
    throw new IacRequestError(
      'Terraform and Ansible are not wired into this session; they run from the proxmox-ai CLI with a profile (settings: iac.playbookDirs, iac.allowInit)',
      'iac.not-configured',
    );
  }
  return ctx.iac;
}
