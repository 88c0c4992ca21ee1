import { resolveProfile, type ResolvedProfile } from '../../config/profile.js';
import { ConfigStore } from '../../config/store.js';
import type { AppConfig, Secrets } from '../../config/schema.js';
import type { ProxmoxApi } from '../../core/ports/proxmox-api.js';
import { createProxmoxClient, type ProxmoxClient } from '../../proxmox/index.js';
import { toProxmoxApi } from '../../proxmox/proxmox-api-adapter.js';
import type { CommandContext } from '../io.js';

/** A live connection to one cluster: the real one of a profile, or the embedded simulator. */
export interface ClusterConnection {
  profile: string;
  /** The profile with its secrets (for adapters that hand credentials to other programs, e.g. terraform). */
  resolved: ResolvedProfile;
  /** True for the in-process simulator of --demo / --scenario: its addresses are invented, so no SSH. */
  embedded: boolean;
  cluster: string | null;
  defaultNode?: string;
  client: ProxmoxClient;
  api: ProxmoxApi;
  config: AppConfig;
  secrets: Secrets;
  /** The cluster's clock: the wall clock, or the embedded simulator's scenario time. */
  now(): Date;
  close(): Promise<void>;
}

/**
 * `--demo` / `--scenario FILE` start the simulator in this process on a random
 * loopback port and pin its certificate; otherwise the profile decides.
 */
export async function openCluster(ctx: CommandContext): Promise<ClusterConnection> {
  const store = ConfigStore.open(ctx.paths);
  const config = store.read();
  const secrets = store.readSecrets();
  const embedded = ctx.globals.demo || ctx.globals.scenario !== undefined;
  const { profile, stop, now } = embedded
    ? await startEmbedded(ctx.globals.scenario)
    : {
        profile: resolveProfile(config, secrets, ctx.globals.profile, ctx.io.env),
        stop: async () => undefined,
        now: () => new Date(),
      };
  const client = createProxmoxClient(profile);
  const api = toProxmoxApi(client);
  const cluster = await clusterName(api);
  return {
    profile: profile.name,
    resolved: profile,
    embedded,
    cluster,
    ...(profile.node ? { defaultNode: profile.node } : {}),
    client,
    api,
    config,
    secrets,
    now,
    async close() {
      await client.close();
      await stop();
    },
  };
}

async function startEmbedded(
  scenarioFile: string | undefined,
): Promise<{ profile: ResolvedProfile; stop: () => Promise<void>; now: () => Date }> {
  const sim = await import('../../sim/index.js');
  const scenario = sim.loadScenarioFile(scenarioFile ?? sim.demoScenarioPath());
  const clock = sim.simulatorClock(scenario.now);
  const handle = await sim.startSimulator({ scenario, now: clock });
  return {
    profile: {
      name: 'demo',
      url: handle.url,
      tokenId: handle.tokenId,
      tokenSecret: handle.tokenSecret,
      fingerprint: handle.fingerprint,
    },
    stop: () => handle.close(),
    now: () => new Date(clock()),
  };
}

/** The cluster's name from /cluster/status, or null for a stand-alone node. */
async function clusterName(api: ProxmoxApi): Promise<string | null> {
  const status = await api.cluster.status();
  return status.find((entry) => entry.type === 'cluster')?.name ?? null;
}
