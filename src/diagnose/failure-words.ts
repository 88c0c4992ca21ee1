import type { Category } from './finding.js';

/** Words that make a line worth explaining: an error, a refusal, something missing or exhausted. */
const troubleWords =
  /\b(?:error|errors|fail(?:ed|ure|s)?|cannot|can't|unable|denied|refused|timed out|timeout|killed|abort(?:ed|ing)?|invalid|missing|no such|out of|exhausted|unreachable|unsupported|fenc(?:e|ed|ing)|oom|full|does not exist|not (?:found|running|online|available|supported|allowed|mounted|present|configured))\b|out-of-data-space|low water mark|io-error/i;

export function looksLikeTrouble(text: string): boolean {
  return troubleWords.test(text);
}

/** Words that point to a category, with how strongly (our own reading of Proxmox wording). */
const categoryWords: ReadonlyArray<readonly [RegExp, Category, number]> = [
  [
    /\bbridge\b|\bvmbr\d|\btap\d+i\d|\bvlan\b|\bmtu\b|\bnetdev\b|\/proc\/sys\/net\/|\bveth|\bsdn\b|\bipam\b|\bifreload|\bovs\b|network script/i,
    'network',
    2,
  ],
  [/\bmemory\b|\bhugepages?\b|\bballoon|\boom\b|out of memory|cannot allocate/i, 'memory', 2],
  [/\blocked\b|\bcfs.lock|lock request|can't acquire lock|\bunlock\b/i, 'lock', 2],
  [
    /\bstorage\b|\bvolume\b|\blvm|\bthin\b|\bzfs|\bzpool|\bzvol|\bnfs\b|\bcifs\b|\bmount(?:ed|point)?\b|\bdisk\b|qcow2|i\/o error|io-error|no space|out-of-data-space|device-mapper|\bdatastore/i,
    'storage',
    1,
  ],
  [/virtuali[sz]ation|\bcpuid\b|\bvcpus?\b|\bvmx\b|\bsvm\b|\/dev\/kvm|requested features?\b|\bcpu type/i, 'kvm', 2],
  [/\bpci\b|\bvfio|\biommu|\bhostpci|\bmdev|pass-?through|\bgpu\b/i, 'pci', 2],
  [/\bbios\b|\bovmf\b|\befi(?:disk|vars)?\b|\bseabios\b|boot order|\bbootdisk|no bootable/i, 'boot', 2],
  [/\btemplate\b/i, 'template', 2],
  [/\bquorum|\bcorosync|\bpmxcfs|\/etc\/pve|ipcc_send_rec|access control list|\bcluster\b/i, 'cluster', 2],
  [/\bha\b|\bcrm\b|\blrm\b|ha-manager|service (?:vm|ct):\d+/i, 'ha', 2],
  [/\bfenc(?:e|ed|ing)\b/i, 'ha', 2],
  [/guest agent|qemu-ga|\bqga\b|'guest-[a-z-]+'/i, 'guest-agent', 3],
  [/\bqmp\b|\bmonitor socket|\bqemu monitor/i, 'qmp', 2],
  [/timed out|timeout/i, 'timeout', 1],
  [/cloud-?init|cicustom|\bsnippets?\b/i, 'cloud-init', 2],
  [/permission|privilege|\bticket\b|not allowed|only root|\b40[13]\b|unauthori[sz]ed/i, 'permission', 2],
  [/\b59[56]\b|proxy handshake/i, 'proxy', 2],
  [/\bvzdump|\bbackup|\bvma(?:_|\b)|proxmox-backup|\btar:/i, 'backup', 2],
  [/migrat|host key|\bssh\b|replication/i, 'migration', 2],
  [/\blxc|\bcontainer\b|apparmor|\bpct\b|pre-start|rootfs/i, 'lxc', 2],
  [/\bceph|\brbd\b|\bosd\b|\bmon\.\w/i, 'ceph', 2],
];

/** How strongly the words of a line point to each category (categories with no words are absent). */
export function categoryScores(text: string): Map<Category, number> {
  const scores = new Map<Category, number>();
  for (const [pattern, category, weight] of categoryWords) {
    if (pattern.test(text)) scores.set(category, (scores.get(category) ?? 0) + weight);
  }
  return scores;
}

/** The category the words point to most, or undefined when no word points anywhere. */
export function categoryOfWords(text: string): Category | undefined {
  let best: [Category, number] | undefined;
  for (const [category, score] of categoryScores(text)) if (!best || score > best[1]) best = [category, score];
  return best?.[0];
}
