import type { IacPort } from '../../src/core/ports/iac.js';
import type { NodeShell } from '../../src/core/ports/ssh.js';
import type { ToolContext } from '../../src/core/tool.js';
import { IacRequestError } from '../../src/iac/iac-error.js';
import { ConfigError } from '../../src/shared/errors.js';

/** The session's SSH adapter, or one line saying what to configure. */
export function requireNodeShell(ctx: ToolContext): NodeShell {
  if (!ctx.nodeShell) {
    throw new ConfigError(
      `SSH to nodes is not configured for profile ${ctx.profile}: set profiles.${ctx.profile}.ssh.user and profiles.${ctx.profile}.ssh.keyFile (or run an ssh-agent), and add each node's host key to known_hosts`,
      'ssh.not-configured',
    );
  }
  return ctx.nodeShell;
}

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
