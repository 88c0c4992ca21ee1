import os from 'node:os';
import path from 'node:path';

/** Where proxmox-ai keeps its files (docs/architecture.md, "The command line"). */
export interface StatePaths {
  configDir: string;
  stateDir: string;
  configFile: string;
  secretsFile: string;
  policyFile: string;
  mcpTokenFile: string;
  /** Per-person MCP tokens, salted hashes only (0600). */
  mcpTokensFile: string;
  auditDir: string;
  workspacesDir: string;
  cacheDir: string;
}

export const appName = 'proxmox-ai';

/**
 * `PROXMOX_AI_HOME` puts everything in one directory; otherwise config follows
 * XDG_CONFIG_HOME (~/.config) and state XDG_STATE_HOME (~/.local/state).
 */
export function resolvePaths(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): StatePaths {
  const single = env.PROXMOX_AI_HOME?.trim();
  const configDir = single ? path.resolve(single) : path.join(xdg(env.XDG_CONFIG_HOME, home, '.config'), appName);
  const stateDir = single ? path.resolve(single) : path.join(xdg(env.XDG_STATE_HOME, home, '.local/state'), appName);
  return {
    configDir,
    stateDir,
    configFile: path.join(configDir, 'config.json'),
    secretsFile: path.join(configDir, 'secrets.json'),
    policyFile: path.join(configDir, 'policy.yaml'),
    mcpTokenFile: path.join(configDir, 'mcp-token'),
    mcpTokensFile: path.join(configDir, 'mcp-tokens.json'),
    auditDir: path.join(stateDir, 'audit'),
    workspacesDir: path.join(stateDir, 'workspaces'),
    cacheDir: path.join(stateDir, 'cache'),
  };
}

function xdg(value: string | undefined, home: string, fallback: string): string {
  // XDG says relative values are invalid and must be ignored.
  return value && path.isAbsolute(value) ? value : path.join(home, fallback);
}
