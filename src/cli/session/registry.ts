import type { AppConfig, ProfileConfig } from '../../config/schema.js';
import { ToolRegistry } from '../../core/registry.js';
import type { AnyTool } from '../../core/tool.js';
import { nodeShellTools, playbookTools, proxmoxTools, terraformTools } from '../../../tools/index.js';

/**
 * The tools of a session: the default Proxmox set, plus Terraform, Ansible
 * and SSH tools only where the user configured them (a small model chooses
 * better from fewer tools), plus any extra ones (external MCP servers').
 */
export function sessionRegistry(
  config: AppConfig,
  profile: ProfileConfig | undefined,
  extra: readonly AnyTool[] = [],
): ToolRegistry {
  return new ToolRegistry([
    ...proxmoxTools,
    ...(config.iac?.terraform ? terraformTools : []),
    ...(config.iac?.playbookDirs?.length ? playbookTools : []),
    ...(profile?.ssh?.user ? nodeShellTools : []),
    ...extra,
  ]);
}
