import { fact, type Finding } from './finding.js';
import { fullFraction, overflowingFraction } from './analyzers/storage-full.js';
import { gib, name, percentOf } from './analyzers/words.js';

export interface StorageResource {
  storage: string;
  node: string;
  plugintype: string;
  status: string;
  shared: boolean;
  used: number | undefined;
  total: number | undefined;
}

/** Node-level problems from the cluster's resource list: offline nodes, offline or full storage, lost quorum. */
export function nodeFindings(
  node: string,
  online: boolean,
  storages: readonly StorageResource[],
  quorumLost: boolean,
): Finding[] {
  if (!online) return [offline(node)];
  const findings = storages.flatMap((storage) => storageFinding(node, storage));
  if (quorumLost) findings.unshift(noQuorum(node));
  return findings;
}

function offline(node: string): Finding {
  return {
    id: 'node-offline',
    category: 'cluster',
    confidence: 'confirmed',
    summary: `Node ${name(node)} is offline; its guests cannot be reached or managed.`,
    evidence: [fact('cluster', `${name(node)} is offline in the cluster status`)],
    contradictedBy: [],
    fix: `Check ${name(node)}: power, network and corosync (\`pvecm status\` on a node that is up); HA-managed guests are recovered elsewhere, others wait for it.`,
  };
}

function noQuorum(node: string): Finding {
  return {
    id: 'cluster-no-quorum',
    category: 'cluster',
    confidence: 'confirmed',
    summary: `The cluster seen from ${name(node)} has no quorum: /etc/pve is read-only and guests cannot be started or changed.`,
    evidence: [fact('cluster', 'the cluster status says quorate: 0')],
    contradictedBy: [],
    fix: 'Bring the missing nodes back and check corosync (`pvecm status`); only as a last resort on a lone node: `pvecm expected 1`.',
  };
}

function storageFinding(node: string, storage: StorageResource): Finding[] {
  const id = name(storage.storage);
  if (storage.status !== 'available') {
    return [
      {
        id: 'storage-not-online',
        category: 'storage',
        confidence: 'confirmed',
        summary: `Storage ${id} (${name(storage.plugintype)}) is not online on ${name(node)}; guests with disks on it cannot start.`,
        evidence: [fact('storage', `${id} on ${name(node)} has status ${name(storage.status)}`)],
        contradictedBy: [],
        fix: `Check the server, mount or disks behind ${id} on ${name(node)} (\`pvesm status\`), then start the guests that need it.`,
      },
    ];
  }
  if (!storage.total || storage.used === undefined) return [];
  const fraction = storage.used / storage.total;
  if (fraction < fullFraction) return [];
  const full = fraction >= overflowingFraction;
  const findingId = full
    ? storage.plugintype === 'lvmthin'
      ? 'thin-pool-out-of-space'
      : 'storage-full'
    : 'storage-nearly-full';
  return [
    {
      id: findingId,
      category: 'storage',
      confidence: 'confirmed',
      summary: `Storage ${id} on ${name(node)} is ${full ? 'full' : 'nearly full'}${full ? '; guests writing to it fail or pause with io-error' : ''}.`,
      evidence: [
        fact(
          'storage',
          `${id} (${name(storage.plugintype)}) on ${name(node)} is ${percentOf(storage.used, storage.total)} full (${gib(storage.used)} of ${gib(storage.total)})`,
        ),
      ],
      contradictedBy: [],
      fix: `Free space on ${id} on ${name(node)} (remove unused volumes, old backups or snapshots) or extend it${storage.plugintype === 'lvmthin' ? ' (`lvextend` the thin pool)' : ''}.`,
    },
  ];
}
