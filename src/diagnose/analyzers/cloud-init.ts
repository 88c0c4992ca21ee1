import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, name } from './words.js';

/** A `cicustom` snippet that does not exist: named by the config? absent from the storage? snippets allowed there? */
export const cloudInitAnalyzer: Analyzer = {
  name: 'cloud-init',
  analyze(input) {
    const said = matchesOf(input, 'cicustom-snippet-missing');
    const volids = [...new Set(said.map((match) => `${match.groups.storage}:snippets/${match.groups.file}`))];
    return {
      findings: volids.map((volid) =>
        snippetFinding(
          input.evidence,
          volid,
          said.filter((match) => `${match.groups.storage}:snippets/${match.groups.file}` === volid),
        ),
      ),
      claimed: lines(said),
    };
  },
};

function snippetFinding(evidence: GuestEvidence, volid: string, said: readonly LineMatch[]): Finding {
  const { guest, node, config } = evidence;
  const [storageId = '', file = ''] = [said[0]?.groups.storage, said[0]?.groups.file];
  const storage = node.storage?.find((candidate) => candidate.id === storageId);
  const decisive: EvidenceItem[] = [];
  const contradictedBy: string[] = [];
  const named = config?.cicustom.includes(volid) ?? false;
  const support: EvidenceItem[] = named ? [fact('config', `cicustom: ${config?.raw.cicustom}`)] : [];
  if (config && !named)
    contradictedBy.push(`the cicustom of ${guestShortLabel(guest)} does not name ${name(volid)} now`);
  if (storage && !storage.content.includes('snippets'))
    decisive.push(
      fact(
        'storage',
        `${name(storageId)} on ${node.name} does not allow snippets (content: ${storage.content.join(',') || 'none'})`,
      ),
    );
  if (storage?.volumes?.includes(volid)) contradictedBy.push(`${name(volid)} exists on ${name(storageId)} now`);
  else if (storage?.volumes)
    decisive.push(fact('storage', `${name(storageId)} on ${node.name} lists no ${name(`snippets/${file}`)}`));
  if (!storage && node.storage) decisive.push(fact('storage', `${node.name} has no storage ${name(storageId)}`));
  const path =
    storage?.type === 'dir' && storageId === 'local'
      ? '/var/lib/vz/snippets/'
      : `the snippets/ directory of ${name(storageId)}`;
  return {
    id: 'cicustom-snippet-missing',
    category: 'cloud-init',
    confidence: confidenceOf(decisive, contradictedBy),
    summary: `The cloud-init snippet ${name(volid)} that ${guestShortLabel(guest)} uses (cicustom) is not on ${node.name}.`,
    evidence: [...lineEvidence(said, 2), ...support, ...decisive, ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: `Put ${name(file)} into ${path} on ${node.name} and ${allowSnippets(storageId, storage?.content)}, or change it: \`${cli(guest)} set ${guest.vmid} --cicustom user=STORAGE:snippets/FILE\`.`,
  };
}

/** Setting `--content` replaces the list, so the command keeps what the storage already holds. */
function allowSnippets(storageId: string, content: readonly string[] | undefined): string {
  if (content?.includes('snippets')) return `check the file permissions there`;
  if (!content) return `add snippets to the content types of ${name(storageId)} (Datacenter > Storage)`;
  return `allow snippets on ${name(storageId)} (\`pvesm set ${name(storageId)} --content ${[...content, 'snippets'].join(',')}\`)`;
}
