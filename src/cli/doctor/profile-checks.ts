import type { ProfileConfig, Secrets } from '../../config/schema.js';
import { probeTls, type TlsProbeResult } from '../../proxmox/tls-probe.js';
import { fail, ok, warn, type CheckResult } from './check.js';

/** Reachability and TLS trust of each profile's API host, and whether it has credentials. */
export async function checkProfiles(
  profiles: Record<string, ProfileConfig>,
  secrets: Secrets,
  env: NodeJS.ProcessEnv,
): Promise<CheckResult[]> {
  const names = Object.keys(profiles);
  if (names.length === 0) {
    return [warn('profiles', 'no Proxmox profile configured', "proxmox-ai config set profiles.home.url https://PVE-HOST:8006 (or use --demo)")];
  }
  const perProfile = await Promise.all(
    names.map(async (name) => {
      const profile = profiles[name]!;
      const id = `profile:${name}`;
      if (!profile.url) return [fail(id, `profile '${name}' has no url`, `proxmox-ai config set profiles.${name}.url https://PVE-HOST:8006`)];
      let probe: TlsProbeResult;
      try {
        probe = await probeTls(profile.url, profile);
      } catch (error) {
        return [fail(id, `profile '${name}': ${(error as Error).message}`, `check profiles.${name}.caFile`)];
      }
      return [tlsResult(name, profile.url, probe), credentialResult(name, profile, secrets, env)];
    }),
  );
  return perProfile.flat();
}

function tlsResult(name: string, url: string, probe: TlsProbeResult): CheckResult {
  const id = `tls:${name}`;
  switch (probe.kind) {
    case 'unreachable':
      return fail(id, `${url} unreachable: ${probe.reason}`, 'check the URL, the port (8006) and the network');
    case 'changed':
      return fail(id, `${url} presents a DIFFERENT certificate (${probe.fingerprint}) than the pinned one`, `verify on the node with 'pvenode cert info', then proxmox-ai config set profiles.${name}.fingerprint ${probe.fingerprint}`);
    case 'untrusted':
      return fail(id, `${url} certificate is not trusted (${probe.reason}); fingerprint ${probe.fingerprint}`, `if it matches 'pvenode cert info' on the node: proxmox-ai config set profiles.${name}.fingerprint ${probe.fingerprint}`);
    case 'trusted':
      return probe.by === 'system-ca'
        ? warn(id, `${url} trusted by the system CA store, not pinned`, `pin it: proxmox-ai config set profiles.${name}.fingerprint ${probe.fingerprint}`)
        : ok(id, `${url} trusted by ${probe.by === 'fingerprint' ? 'pinned fingerprint' : 'CA file'}`);
  }
}

function credentialResult(name: string, profile: ProfileConfig, secrets: Secrets, env: NodeJS.ProcessEnv): CheckResult {
  const id = `auth:${name}`;
  const stored = secrets.profiles?.[name];
  if (profile.tokenId && (stored?.tokenSecret || env.PROXMOX_AI_TOKEN_SECRET)) return ok(id, `API token ${profile.tokenId}`);
  if (profile.tokenId) return fail(id, `token ${profile.tokenId} has no secret`, `proxmox-ai config set profiles.${name}.tokenSecret SECRET (or PROXMOX_AI_TOKEN_SECRET)`);
  if (profile.username && stored?.password) return warn(id, `password login as ${profile.username}`, 'an API token is safer: see the README');
  return fail(id, `profile '${name}' has no credentials`, `proxmox-ai config set profiles.${name}.tokenId USER@REALM!ID`);
}
