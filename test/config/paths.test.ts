import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../../src/config/paths.js';

describe('resolvePaths', () => {
  it('puts everything under PROXMOX_AI_HOME when set', () => {
    const paths = resolvePaths({ PROXMOX_AI_HOME: '/srv/pai' }, '/home/alice');
    expect(paths.configFile).toBe('/srv/pai/config.json');
    expect(paths.secretsFile).toBe('/srv/pai/secrets.json');
    expect(paths.policyFile).toBe('/srv/pai/policy.yaml');
    expect(paths.mcpTokenFile).toBe('/srv/pai/mcp-token');
    expect(paths.auditDir).toBe('/srv/pai/audit');
    expect(paths.workspacesDir).toBe('/srv/pai/workspaces');
  });

  it('follows XDG defaults otherwise', () => {
    const paths = resolvePaths({}, '/home/alice');
    expect(paths.configDir).toBe('/home/alice/.config/proxmox-ai');
    expect(paths.stateDir).toBe('/home/alice/.local/state/proxmox-ai');
  });

  it('honours absolute XDG variables and ignores relative ones', () => {
    expect(resolvePaths({ XDG_CONFIG_HOME: '/cfg', XDG_STATE_HOME: 'rel' }, '/home/alice')).toMatchObject({
      configDir: '/cfg/proxmox-ai',
      stateDir: '/home/alice/.local/state/proxmox-ai',
    });
  });
});
