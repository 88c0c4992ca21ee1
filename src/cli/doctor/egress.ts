import type { AppConfig } from '../../config/schema.js';
import { resolveOllamaHost } from '../../llm/ollama-host.js';
import { ok, type CheckResult } from './check.js';

/** Every class of outbound connection (docs/architecture.md, "Safety rules"), with the hosts configured for each. */
export function listEgress(config: AppConfig, env: NodeJS.ProcessEnv): CheckResult[] {
  const profiles = Object.entries(config.profiles ?? {});
  const apiHosts = profiles.flatMap(([, profile]) => (profile.url ? [new URL(profile.url).host] : []));
  const sshUsers = profiles.flatMap(([name, profile]) =>
    profile.ssh?.user ? [`${name}: ${profile.ssh.user}@<its nodes>`] : [],
  );
  const mcpServers = Object.entries(config.mcp?.servers ?? {}).map(
    ([name, server]) =>
      `${name} (${server.url ? server.url.replace(/^https?:\/\//, '').split('/')[0] : `runs ${server.command}`})`,
  );
  return [
    ok('egress:proxmox', `Proxmox API: ${apiHosts.join(', ') || 'none configured'}`),
    ok('egress:ssh', `SSH to nodes: ${sshUsers.join(', ') || 'none configured'}`),
    ok('egress:ollama', `Ollama: ${resolveOllamaHost(config, env)}`),
    ok('egress:mcp', `external MCP servers: ${mcpServers.join(', ') || 'none configured'}`),
    ok('egress:audit-forward', `audit trail forwarding: ${config.audit?.forward?.url ?? 'off'}`),
    ok(
      'egress:terraform',
      `Terraform provider downloads: ${config.iac?.allowInit ? 'allowed (iac.allowInit)' : 'off'}`,
    ),
    ok('egress:other', 'nothing else: no telemetry, no update checks'),
  ];
}
