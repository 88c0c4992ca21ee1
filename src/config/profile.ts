import { ConfigError } from '../shared/errors.js';
import type { AppConfig, ProfileConfig, Secrets } from './schema.js';

/** A profile with its secrets attached, ready for the Proxmox client. */
export interface ResolvedProfile extends ProfileConfig {
  name: string;
  url: string;
  tokenSecret?: string;
  password?: string;
}

/**
 * Picks `--profile`, else `defaultProfile`, else the only profile there is.
 * `PROXMOX_AI_TOKEN_SECRET` overrides the stored token secret.
 */
export function resolveProfile(
  config: AppConfig,
  secrets: Secrets,
  requested: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ResolvedProfile {
  const profiles = config.profiles ?? {};
  const names = Object.keys(profiles);
  const name = requested ?? config.defaultProfile ?? (names.length === 1 ? names[0] : undefined);
  if (!name) {
    throw new ConfigError(
      names.length === 0
        ? "no Proxmox profile configured; run 'proxmox-ai config set profiles.home.url https://PVE-HOST:8006' (or try --demo)"
        : `several profiles (${names.join(', ')}); pick one with --profile NAME or 'proxmox-ai config set defaultProfile NAME'`,
      'config.no-profile',
    );
  }
  const profile = profiles[name];
  if (!profile)
    throw new ConfigError(
      `profile '${name}' does not exist; known profiles: ${names.join(', ') || 'none'}`,
      'config.no-profile',
    );
  if (!profile.url) {
    throw new ConfigError(
      `profile '${name}' has no url; run 'proxmox-ai config set profiles.${name}.url https://PVE-HOST:8006'`,
      'config.no-url',
    );
  }
  const stored = secrets.profiles?.[name] ?? {};
  const tokenSecret = env.PROXMOX_AI_TOKEN_SECRET || stored.tokenSecret;
  return {
    ...profile,
    name,
    url: profile.url,
    ...(tokenSecret ? { tokenSecret } : {}),
    ...(stored.password ? { password: stored.password } : {}),
  };
}
