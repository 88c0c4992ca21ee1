import type { Category } from './finding.js';

/**
 * How an unknown line is read: whether it reports a failure at all, and which
 * category its words point to. Phrases (how Proxmox, QEMU, LXC and the kernel
 * word a failure of one kind) decide first; single words only when no phrase
 * speaks. Built from the category meanings of the diagnosis contract and from
 * real lines (test/fixtures/diagnosis/failure-corpus.json), not from the book.
 */

/** Words that make a line worth explaining: an error, a refusal, something missing, exhausted or incompatible. */
const troubleWords = new RegExp(
  [
    String.raw`\b(?:error|errors|fail(?:ed|ure|s)?|insufficient|cannot|can't|could ?n[o']t|unable|denied|refus(?:ed|ing)|timed out|timeout|killed|abort(?:ed|ing)?|invalid|missing|no such|out of|exhausted|unreachable|unsupported|fenc(?:e|ed|ing)|oom|full|mismatch|conflicts?)\b`,
    String.raw`\b(?:does not|doesn't|did not|didn't|is not|isn't|are not|wasn't|not) (?:exist|found|running|online|available|supported|support|allowed|mounted|present|configured|active|enabled|installed|managed|come up|stop|created)`,
    String.raw`\b(?:too (?:old|big|large|long|many)|bigger than|larger than|already (?:exists?|running|attached|in use|used)|must be|needs? to be|required|requires|only root|root-only|is a template|no \S+(?: \S+){0,2} (?:found|configured|given|available)|has no)\b`,
    String.raw`\b(?:not enough|don't know how|more than once|not executable|can only be|no running|not in the|not HA managed|(?:is|are) not allowed|allowed per|is locked)\b|^(?:TASK )?ERROR:|\bwarning: .*\bfailed\b`,
    String.raw`out-of-data-space|low water mark|io-error|DENIED|Permission denied|Operation not (?:supported|permitted)|changed unexpectedly|not fully configured`,
  ].join('|'),
  'i',
);

export function looksLikeTrouble(text: string): boolean {
  return troubleWords.test(text);
}

type Vocabulary = ReadonlyArray<readonly [RegExp, Category]>;

/** Phrases: a few words that only one kind of failure uses. */
const phrases: Vocabulary = [
  [
    /\bbridge (?:'[^']*' )?(?:does not exist|is not active|is neither|mtu)|\bbridge MTU\b|network script|\bvlan aware\b|\btrunks?\b.*\bvlan|\bvlan\b.*\btrunks?\b|\bnetdev\b|\bSLAAC\b|\binterface name\b.*too long|\bRTNETLINK\b|\benslave\b|ovs port|ovs-vsctl|physical interface on bridge|link-local ipv6|\bfw(?:br|pr|ln)\d+|\b(?:tap|veth)\d+i\d+|\bipam\b|\bsdn\b|\bIP '[^']*' already exist/i,
    'network',
  ],
  [
    /\bhugepages?\b|\bballoon\b|\bNUMA\b|memory hotplug|hotplugging|guest memory|cannot allocate memory|out of memory|oom[-_ ]kill|\boom\b|total memory|memory size|static memory|\bmax mem\b/i,
    'memory',
  ],
  [
    /\bis locked\b|\block(?: file)? '[^']*'|can't (?:acquire )?lock\b|cfs-lock|lock request|lock changed|\block timeout\b|got lock|\bunlock\b/i,
    'lock',
  ],
  [
    /\bstorage '[^']*'|\bvolume group\b|logical volume|thin pool|\bzvol\b|\bzpool\b|zfs error|\bzfs (?:create|destroy|list)|content[- ]type|disk image|free space|no space left|device-mapper|\bi\/o error\b|io-error|\bvolume '(?![^']*snippets\/)[^']*' does not exist|can't find file|loop device|activate storage|mount\.nfs|mount\.cifs|\bdatastore\b|shrinking disks|image format|\bqcow2\b|\bsnapshot '[^']*' does not exist/i,
    'storage',
  ],
  [
    /\bKVM virtuali[sz]ation|\/dev\/kvm|\bvcpus?\b|\bcputype\b|\bcpu (?:type|model)\b|CPU model|cpu flags?|requested features?|\bCPUID\b|\bAMD SEV|Intel TDX|emulate architecture|QEMU version|machine type|\bvmx\b|\bsvm\b|Your CPU/i,
    'kvm',
  ],
  [
    /\bpci\b|\b[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\.[0-7]\b|\bvfio\b|vfio-pci|\bIOMMU\b|\bhostpci\d*|mediated device|\bmdev\b|\bvgpu\b|pass-?through|\bBAR \d+\b|IOMMU group|\bUSB device\b|\busb\d+\b|device mapping/i,
    'pci',
  ],
  [
    /\bOVMF\b|\bUEFI\b|\bEFI (?:base|vars|disk)|\befidisk\d?\b|\bseabios\b|\bboot ?order\b|boot device|\bbootdisk\b|no bootable|efivars|secure ?boot/i,
    'boot',
  ],
  [/\btemplate\b/i, 'template'],
  [
    /\bquorum\b|\bcorosync\b|\bpmxcfs\b|ipcc_send_rec|access control list|cluster not ready|configuration file\b.*\bdoes not exist|unable to find configuration file|file changed? by other user|checksum mismatch|modified configuration/i,
    'cluster',
  ],
  [
    /\bHA managed\b|\bha-manager\b|\bpve-ha-(?:crm|lrm)\b|\bservice '?(?:vm|ct):\d+|\b(?:vm|ct):\d+\b.*\berror state\b|\bfenc(?:e|ed|ing)\b|fence devices|\bSID\b|agent_lock|\brelocate\b/i,
    'ha',
  ],
  [
    /guest agent|qemu-ga\b|\bqga\b|'guest-[a-z-]+'|\bguest-[a-z]+-[a-z]+\b|freeze guest fs|\bfsfreeze\b/i,
    'guest-agent',
  ],
  [/\bqmp\b|monitor socket|\bqemu monitor\b|human-monitor|qmeventd/i, 'qmp'],
  [
    /\bgot timeout\b|\btimed out\b|\btimeout (?:after|while|waiting)|did not (?:stop|come up|finish) (?:within|in time)|powerdown failed|container did not stop|waiting for port/i,
    'timeout',
  ],
  [
    /(?<![-\w])cloud-?init(?![-\w])|\bcicustom\b|snippets\/[^'\s]*\.ya?ml\b|snippets directory|\bcidata\b|\bipconfig\d/i,
    'cloud-init',
  ],
  [
    /permission check failed|\bprivileges?\b|only root\b|root-only|\bticket\b|\b401\b|\b403\b|\bunauthori[sz]ed\b|authentication failure|Permission denied|not allowed to/i,
    'permission',
  ],
  [/\b59[56]\b|proxy handshake|\bproxy (?:loop|error)|\bNo route to host\b/i, 'proxy'],
  [
    /\bvzdump\b|\bbackups?\b|\bprune-backups\b|\bvma\b|vma_|\bpbs\b|proxmox-backup|archive|encryption key|\bbackup provider\b|\btar:/i,
    'backup',
  ],
  [
    /\bmigrat\w*|\bonline migrate\b|\breplicat\w*|destination address|\btarget node\b|\bremote tunnel\b|\blocal (?:disk|devices|resources|storage)\b.*\b(?:migrat|clone|node)|to node '[^']*'|restart mode/i,
    'migration',
  ],
  [
    /\blxc[-_]|\blxc\b|\bcontainer\b|\bpct\b|\b(?:create|start|for) CT\b|unsupported \w+ version|\bapparmor\b|\bAppArmor\b|pre-start|\brootfs\b|\bidmap\b|\bunprivileged\b|\bmknod\b|\bOS (?:type|distribution)\b|\bbind mount|\bmount point\b|pve-container@|\bseccomp\b|\bcgroup\b|\bLSM\b/i,
    'lxc',
  ],
  [
    /\bceph\b|\brbd\b|\bcephfs\b|\bosd\.\d+|\bOSD\b|\bMDS\b|Metadata Server|\bmonitors?\b.*\bceph|\bmon\.\w+|keyring/i,
    'ceph',
  ],
];

/** Single words: weaker hints, used only when no phrase speaks. */
const words: Vocabulary = [
  [/\bbridge\b|\bvmbr\d|\bvlan\b|\bmtu\b|\bnet\d\b|\binterface\b|\bmac address\b|\bnic\b|\bveth/i, 'network'],
  [/\bmemory\b|\bram\b|\bswap\b/i, 'memory'],
  [/\block(?:ed)?\b/i, 'lock'],
  [
    /\bstorage\b|\bvolume\b|\blvm\b|\bzfs\b|\bnfs\b|\bcifs\b|\bdisk\b|\bmount(?:ed)?\b|\bdirectory\b|\bpool\b|\bsnapshot\b/i,
    'storage',
  ],
  [/\bcpu\b|\bcores\b/i, 'kvm'],
  [/\bgpu\b|\bpcie\b/i, 'pci'],
  [/\bbios\b|\bboot\b|\bfirmware\b/i, 'boot'],
  [/\bcluster\b|\bnode '[^']*'|\bconfig(?:uration)? file\b/i, 'cluster'],
  [/\bha\b|\bcrm\b|\blrm\b/i, 'ha'],
  [/\bagent\b/i, 'guest-agent'],
  [/\bnot running\b/i, 'qmp'],
  [/\btimeout\b/i, 'timeout'],
  [/\buser-data\b|\bmeta-data\b/i, 'cloud-init'],
  [/\bpermission\b|\broot\b|\bdenied\b/i, 'permission'],
  [/\bproxy\b/i, 'proxy'],
  [/\bdump\b|\brestore\b/i, 'backup'],
  [/\bclone\b|\bssh\b|\bhost key\b/i, 'migration'],
  [/\bnamespace\b|\bidmap\b/i, 'lxc'],
];

export const phraseWeight = 6;
export const wordWeight = 1;

/**
 * How strongly a line's words point to each category: phrases count for more
 * than any number of single words. Proxmox names what failed before why
 * (`Backup of VM 111 failed - ... got timeout`), so an earlier phrase weighs a
 * little more than a later one.
 */
export function categoryScores(text: string): Map<Category, number> {
  const phraseScores = scored(phrases, text, phraseWeight);
  return phraseScores.size > 0 ? phraseScores : scored(words, text, wordWeight);
}

function scored(vocabulary: Vocabulary, text: string, weight: number): Map<Category, number> {
  const scores = new Map<Category, number>();
  for (const [pattern, category] of vocabulary) {
    const at = pattern.exec(text)?.index;
    if (at === undefined) continue;
    const score = weight * (1 + 0.1 * (1 - at / Math.max(1, text.length)));
    scores.set(category, Math.max(scores.get(category) ?? 0, score));
  }
  return scores;
}

/** The category the words point to most, or undefined when no word points anywhere. */
export function categoryOfWords(text: string): Category | undefined {
  let best: [Category, number] | undefined;
  for (const [category, score] of categoryScores(text)) if (!best || score > best[1]) best = [category, score];
  return best?.[0];
}
