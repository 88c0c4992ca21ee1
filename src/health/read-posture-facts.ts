import type { CallOptions, ProxmoxApi } from '../core/ports/proxmox-api.js';
import { mapLimited } from '../diagnose/map-limited.js';
import type { GuestResource } from '../proxmox/schemas/index.js';
import { guestFact } from './read-backup-facts.js';
import type { AccountFact, PostureFacts } from './posture-findings.js';

/** Config reads per kind (containers, prod guests) in one scan: enough for a homelab, bounded for 5,000 guests. */
export const configReadLimit = 50;
const adminPrivileges = ['Permissions.Modify', 'Sys.Modify'];

/**
 * Reads what the hardening checks need. A part the token may not read (403)
 * is left out and named in `unchecked`, so a finding's absence is never a guess.
 */
export async function readPostureFacts(
  api: ProxmoxApi,
  guests: readonly GuestResource[],
  onlineNodes: readonly string[],
  options: CallOptions,
): Promise<PostureFacts & { unchecked: string[] }> {
  const unchecked: string[] = [];
  const attempt = async <T>(what: string, read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      unchecked.push(`${what} (${(error as Error).message.split('\n')[0]})`);
      return undefined;
    }
  };
  const allContainers = guests.filter((guest) => guest.type === 'lxc' && !guest.template);
  const allProd = guests.filter((guest) => (guest.tags ?? []).includes('prod'));
  const containers = allContainers.slice(0, configReadLimit);
  const prod = allProd.slice(0, configReadLimit);
  if (allContainers.length > containers.length)
    unchecked.push(
      `${allContainers.length - containers.length} more containers for privileges (first ${configReadLimit} read)`,
    );
  if (allProd.length > prod.length)
    unchecked.push(`${allProd.length - prod.length} more prod guests for protection (first ${configReadLimit} read)`);
  const configOf = (guest: GuestResource) =>
    attempt(`config of ${guest.vmid}`, () =>
      api.guests.config({ node: guest.node, vmid: guest.vmid, type: guest.type }, options),
    );
  const [firewall, accounts, containerConfigs, prodConfigs, updates] = await Promise.all([
    attempt('datacenter firewall', () => api.cluster.firewallOptions(options)),
    attempt('users and tokens', () => readAccounts(api, options)),
    mapLimited(containers, 8, configOf),
    mapLimited(prod, 8, configOf),
    mapLimited(onlineNodes, 4, async (node) => ({
      node,
      packages: ((await attempt(`updates of ${node}`, () => api.nodes.pendingUpdates(node, options))) ?? []).map(
        (update) => ({
          package: update.Package,
          version: update.Version,
          ...(update.OldVersion !== undefined ? { oldVersion: update.OldVersion } : {}),
          origin: update.Origin ?? 'unknown',
        }),
      ),
    })),
  ]);
  const flag = (config: Record<string, string | number> | undefined, key: string) => Number(config?.[key] ?? 0) === 1;
  return {
    ...(firewall ? { firewallEnabled: firewall.enable === true } : {}),
    accounts: accounts ?? [],
    containers: containers.flatMap((guest, index) =>
      containerConfigs[index]
        ? [{ ...guestFact(guest), unprivileged: flag(containerConfigs[index], 'unprivileged') }]
        : [],
    ),
    prodGuests: prod.flatMap((guest, index) =>
      prodConfigs[index] ? [{ ...guestFact(guest), protection: flag(prodConfigs[index], 'protection') }] : [],
    ),
    updates,
    unchecked,
  };
}

/** Users with their tokens and second factors; admins are those who may change permissions or the system on `/`. */
async function readAccounts(api: ProxmoxApi, options: CallOptions): Promise<AccountFact[]> {
  const [users, tfa] = await Promise.all([api.access.users({ full: true }, options), api.access.tfa(options)]);
  const withFactor = new Set(
    tfa.filter((entry) => entry.entries.some((factor) => factor.enable !== false)).map((entry) => entry.userid),
  );
  const others = users.filter((user) => user.userid !== 'root@pam' && user.enable !== false).slice(0, 50);
  const admins = new Set<string>();
  await mapLimited(others, 4, async (user) => {
    const granted = await api.access.permissions({ path: '/', userid: user.userid }, options);
    if (adminPrivileges.some((privilege) => granted['/']?.[privilege] !== undefined)) admins.add(user.userid);
  });
  return users.map((user) => ({
    userid: user.userid,
    enabled: user.enable !== false,
    secondFactor: withFactor.has(user.userid),
    admin: admins.has(user.userid),
    tokens: (user.tokens ?? []).map((token) => ({ tokenid: token.tokenid, privsep: token.privsep !== false })),
  }));
}
