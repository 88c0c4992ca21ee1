import { resolveProfile, type ResolvedProfile } from '../../config/profile.js';
import type { ProfileConfig, Secrets } from '../../config/schema.js';
import { AppError } from '../../shared/errors.js';
import { createProxmoxClient, type ProxmoxClientOptions } from '../../proxmox/client.js';
import { probeTls, type TlsProbeResult } from '../../proxmox/tls-probe.js';
import { loadTrust } from '../../proxmox/tls-trust.js';
import { fail, ok, warn, type CheckResult } from './check.js';

/** Reachability and TLS trust of each profile's API host, its credentials, and what the API says with them. */
export async function checkProfiles(
  profiles: Record<string, ProfileConfig>,
  secrets: Secrets,
  env: NodeJS.ProcessEnv,
  clientOptions: ProxmoxClientOptions = { timeoutMs: 10_000 },
): Promise<CheckResult[]> {
  const names = Object.keys(profiles);
  if (names.length === 0) {
    return [
      warn(
        'profiles',
        'no Proxmox profile configured',
        'proxmox-ai config set profiles.home.url https://PVE-HOST:8006 (or use --demo)',
      ),
    ];
  }
  const perProfile = await Promise.all(
    names.map(async (name) => {
      const profile = profiles[name]!;
      const id = `profile:${name}`;
      if (!profile.url)
        return [
          fail(id, `profile '${name}' has no url`, `proxmox-ai config set profiles.${name}.url https://PVE-HOST:8006`),
        ];
      let probe: TlsProbeResult;
      try {
        probe = await probeTls(profile.url, loadTrust({ name, ...profile }));
      } catch (error) {
        if (!AppError.isInstance(error)) throw error;
        return [fail(id, error.message, `check profiles.${name}.caFile`)];
      }
      const credentials = credentialResult(name, profile, secrets, env);
      if (probe.kind !== 'trusted' || credentials.status === 'fail')
        return [tlsResult(name, profile.url, probe), credentials];
      const api = await checkApi(resolveProfile({ profiles }, secrets, name, env), clientOptions);
      return [tlsResult(name, profile.url, probe), ...confirmedBy(credentials, api)];
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
      return fail(
        id,
        `${url} presents a DIFFERENT certificate (${probe.fingerprint}) than the pinned one (${probe.pinned})`,
        `verify on the node with 'pvenode cert info', then proxmox-ai config set profiles.${name}.fingerprint ${probe.fingerprint}`,
      );
    case 'untrusted':
      return fail(
        id,
        `${url} certificate is not trusted (${probe.reason}); fingerprint ${probe.fingerprint}`,
        `if it matches 'pvenode cert info' on the node: proxmox-ai config set profiles.${name}.fingerprint ${probe.fingerprint}`,
      );
    case 'trusted':
      return probe.by === 'system-ca'
        ? warn(
            id,
            `${url} trusted by the system CA store, not pinned`,
            `pin it: proxmox-ai config set profiles.${name}.fingerprint ${probe.fingerprint}`,
          )
        : ok(id, `${url} trusted by ${probe.by === 'fingerprint' ? 'pinned fingerprint' : 'CA file'}`);
  }
}

function credentialResult(name: string, profile: ProfileConfig, secrets: Secrets, env: NodeJS.ProcessEnv): CheckResult {
  const id = `auth:${name}`;
  const stored = secrets.profiles?.[name];
  if (profile.tokenId && (stored?.tokenSecret || env.PROXMOX_AI_TOKEN_SECRET))
    return ok(id, `API token ${profile.tokenId}`);
  if (profile.tokenId)
    return fail(
      id,
      `token ${profile.tokenId} has no secret`,
      `proxmox-ai config set profiles.${name}.tokenSecret SECRET (or PROXMOX_AI_TOKEN_SECRET)`,
    );
  if (profile.username && stored?.password)
    return warn(id, `password login as ${profile.username}`, 'an API token is safer: see docs/proxmox-access.md');
  return fail(
    id,
    `profile '${name}' has no credentials`,
    `proxmox-ai config set profiles.${name}.tokenId USER@REALM!ID`,
  );
}

/**
 * Credentials that are present are only ok once the API accepted them: a
 * refused login turns the credential line into the failure (nothing says ok
 * first and FAIL later); an API that could not be asked leaves them unverified.
 */
function confirmedBy(credentials: CheckResult, api: ApiCheck): CheckResult[] {
  if (api.authFailed) return [fail(credentials.id, api.results[0]!.message)];
  if (api.results.some((result) => result.status === 'fail') && credentials.status === 'ok')
    return [warn(credentials.id, `${credentials.message} (not verified: the API did not answer)`), ...api.results];
  return [credentials, ...api.results];
}

interface ApiCheck {
  results: CheckResult[];
  authFailed: boolean;
}

/** With trust and credentials in place: the PVE version, and whether a token sees anything at all. */
async function checkApi(profile: ResolvedProfile, clientOptions: ProxmoxClientOptions): Promise<ApiCheck> {
  const { name } = profile;
  const client = createProxmoxClient(profile, clientOptions);
  try {
    const version = await client.cluster.version();
    const results = [ok(`api:${name}`, `Proxmox VE ${version.version} at ${profile.url}, as ${client.identity}`)];
    if (client.authKind === 'token' && (await client.cluster.resources()).length === 0) {
      results.push(
        warn(
          `privsep:${name}`,
          `token ${client.identity} sees an empty cluster: a privilege-separated token has only the permissions granted to the token itself`,
          `grant it a role: pveum acl modify / --tokens '${client.identity}' --roles PVEAuditor (see docs/proxmox-access.md), or let it share its user's permissions with --privsep 0`,
        ),
      );
    }
    return { results, authFailed: false };
  } catch (error) {
    if (!AppError.isInstance(error)) throw error;
    return { results: [fail(`api:${name}`, error.message)], authFailed: error.code === 'proxmox.auth' };
  } finally {
    await client.close();
  }
}
