import type { GuestFact } from './backup-facts.js';
import type { HealthFinding } from './health-finding.js';
import { cli } from './words.js';

/** Hardening checks: each finding says why it matters and how to fix it. */

export interface AccountFact {
  userid: string;
  enabled: boolean;
  secondFactor: boolean;
  /** May change permissions or the system on `/`. */
  admin: boolean;
  tokens: Array<{ tokenid: string; privsep: boolean }>;
}

export interface PendingPackage {
  package: string;
  version: string;
  oldVersion?: string;
  origin: string;
}

export interface PostureFacts {
  /** undefined: could not be read. */
  firewallEnabled?: boolean;
  accounts: AccountFact[];
  containers: Array<GuestFact & { unprivileged: boolean }>;
  prodGuests: Array<GuestFact & { protection: boolean }>;
  updates: Array<{ node: string; packages: PendingPackage[] }>;
}

/**
 * Debian's security (and stable point-release) uploads carry `+debNNuN` or `~debNNuN`;
 * the API does not say which archive a candidate comes from, so this is the sign we have.
 */
export function isSecurityUpdate(update: PendingPackage): boolean {
  return /debian/i.test(update.origin) && /[+~]deb\d+u\d+/.test(update.version);
}

export function postureFindings(facts: PostureFacts): HealthFinding[] {
  return [
    ...firewall(facts),
    ...facts.accounts.flatMap(accountFindings),
    ...facts.containers.filter((guest) => !guest.unprivileged).map(privileged),
    ...unprotected(facts.prodGuests.filter((guest) => !guest.protection)),
    ...facts.updates.filter((node) => node.packages.length > 0).map(updates),
  ];
}

function firewall(facts: PostureFacts): HealthFinding[] {
  if (facts.firewallEnabled !== false) return [];
  return [
    {
      kind: 'posture',
      id: 'firewall-off',
      severity: 'warning',
      subject: 'datacenter',
      summary: 'The datacenter firewall is off.',
      why: 'No node or guest firewall rule is enforced while it is off, even on NICs with firewall=1; the API (8006) and SSH are open to every network that reaches the nodes.',
      fix: 'Add rules that allow 8006 and 22 from your admin network first (Datacenter > Firewall), then enable it: `pvesh set /cluster/firewall/options --enable 1`.',
    },
  ];
}

function accountFindings(account: AccountFact): HealthFinding[] {
  const findings: HealthFinding[] = [];
  const root = account.userid === 'root@pam';
  if (account.enabled && !account.secondFactor && (root || account.admin))
    findings.push({
      kind: 'posture',
      id: 'user-without-tfa',
      severity: 'warning',
      subject: `user ${account.userid}`,
      summary: `${account.userid}${root ? '' : ', an administrator,'} has no second factor.`,
      why: 'A guessed or phished password alone gives full control of the cluster.',
      fix: `Add TOTP or WebAuthn for ${account.userid} (Datacenter > Permissions > Two Factor) and keep recovery keys offline.`,
    });
  for (const token of account.tokens.filter((entry) => !entry.privsep))
    findings.push({
      kind: 'posture',
      id: 'token-without-privsep',
      severity: 'warning',
      subject: `token ${account.userid}!${token.tokenid}`,
      summary: `API token ${account.userid}!${token.tokenid} has no privilege separation.`,
      why: `It acts with every privilege of ${account.userid}, so a leaked token is as powerful as the user.`,
      fix: `Recreate it with \`pveum user token add ${account.userid} ${token.tokenid} --privsep 1\` and grant it only the roles it needs (\`pveum acl modify / --tokens '${account.userid}!${token.tokenid}' --roles PVEAuditor\`).`,
    });
  return findings;
}

function privileged(guest: GuestFact): HealthFinding {
  return {
    kind: 'posture',
    id: 'privileged-container',
    severity: 'warning',
    subject: `CT ${guest.vmid} (${guest.name}) on ${guest.node}`,
    summary: `CT ${guest.vmid} (${guest.name}) is a privileged container.`,
    why: 'Root in a privileged container is root on the node: a container escape is a host compromise.',
    fix: `Recreate it unprivileged (back up, then \`pct restore ${guest.vmid} BACKUP --unprivileged 1\`), or move what needs privileges into a VM.`,
    node: guest.node,
    vmid: guest.vmid,
  };
}

function unprotected(guests: ReadonlyArray<GuestFact>): HealthFinding[] {
  if (guests.length === 0) return [];
  const names = guests.map((guest) => `${guest.vmid} (${guest.name})`).join(', ');
  return [
    {
      kind: 'posture',
      id: 'prod-unprotected',
      severity: 'info',
      subject: `${guests.length} guest${guests.length === 1 ? '' : 's'} tagged prod`,
      summary: `Guests tagged prod without protection: ${names}.`,
      why: 'Protection refuses removing the guest or its disks, so a slip in the GUI or a script cannot delete production.',
      fix: guests.map((guest) => `\`${cli(guest)} set ${guest.vmid} --protection 1\``).join(', '),
    },
  ];
}

function updates({ node, packages }: { node: string; packages: PendingPackage[] }): HealthFinding {
  const security = packages.filter(isSecurityUpdate);
  const listed = (list: PendingPackage[]) => list.map((entry) => `${entry.package} ${entry.version}`).join(', ');
  return {
    kind: 'posture',
    id: security.length > 0 ? 'security-updates' : 'updates-pending',
    severity: security.length > 0 ? 'warning' : 'info',
    subject: `node ${node}`,
    summary:
      security.length > 0
        ? `${packages.length} updates are pending on ${node}, ${security.length === 1 ? '1 of them a Debian security or stable update' : `${security.length} of them Debian security or stable updates`}: ${listed(security)}.`
        : `${packages.length} updates are pending on ${node}: ${listed(packages.slice(0, 5))}${packages.length > 5 ? ', ...' : ''}.`,
    why: 'Pending fixes leave known vulnerabilities and bugs open on the node.',
    fix: `Upgrade ${node} (\`apt update && apt full-upgrade\`, or Node > Updates), one node at a time, and reboot if a new kernel came.`,
    node,
  };
}
