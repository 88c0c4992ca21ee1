import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, fact, type EvidenceItem, type Finding } from '../finding.js';
import { splitVolid, type ConfigVolume } from '../guest-config.js';
import type { LineMatch } from '../observed-line.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer } from './analyzer.js';
import { cli, guestShortLabel, name } from './words.js';

/** `volume 'x' does not exist`: is the volume really absent from its storage's content, and does the config name it? */
export const volumeAnalyzer: Analyzer = {
  name: 'volume',
  analyze(input) {
    const { evidence } = input;
    const said = matchesOf(input, 'volume-does-not-exist');
    const named = [...new Set(said.map((match) => match.groups.volid!).filter(Boolean))];
    const absent = checkableVolumes(evidence).filter(
      (volume) => listedOn(evidence, volume.volid) === false && !named.includes(volume.volid),
    );
    return {
      findings: [
        ...named.map((volid) =>
          missingVolume(
            evidence,
            volid,
            said.filter((match) => match.groups.volid === volid),
          ),
        ),
        ...absent.map((volume) => missingVolume(evidence, volume.volid, [])),
      ],
      claimed: lines(said),
    };
  },
};

/** Volumes whose presence a content read can show: this guest's own disks and ISO images, not cloud-init drives. */
function checkableVolumes(evidence: GuestEvidence): ConfigVolume[] {
  return (evidence.config?.volumes ?? []).filter((volume) => {
    const volname = splitVolid(volume.volid)?.volname ?? '';
    if (volume.cdrom) return volname.startsWith('iso/');
    const owner = /(?:^|\/)(?:vm|base|subvol|basevol)-(\d+)-/.exec(volname)?.[1] ?? /^(\d+)\//.exec(volname)?.[1];
    return owner === String(evidence.guest.vmid) && !/cloudinit/.test(volname);
  });
}

/** true/false when the storage's content was read, undefined when it could not be. */
function listedOn(evidence: GuestEvidence, volid: string): boolean | undefined {
  const storage = evidence.node.storage?.find((candidate) => candidate.id === splitVolid(volid)?.storage);
  return storage?.volumes === undefined ? undefined : storage.volumes.includes(volid);
}

function missingVolume(evidence: GuestEvidence, volid: string, said: readonly LineMatch[]): Finding {
  const { guest, node } = evidence;
  const disk = evidence.config?.volumes.find((volume) => volume.volid === volid);
  const storage = splitVolid(volid)?.storage ?? '?';
  const listed = listedOn(evidence, volid);
  const decisive: EvidenceItem[] =
    listed === false
      ? [fact('storage', `the content of ${name(storage)} on ${node.name} does not list ${name(volid)}`)]
      : [];
  const contradictedBy = [
    ...(listed === true ? [`${name(volid)} is on ${name(storage)} now`] : []),
    ...(evidence.config && !disk ? [`${guestShortLabel(guest)} no longer uses ${name(volid)}`] : []),
  ];
  const confidence = confidenceOf(decisive, contradictedBy);
  const key = disk?.key ?? 'the disk';
  return {
    id: 'volume-does-not-exist',
    category: 'storage',
    confidence,
    summary:
      confidence === 'suspected'
        ? `A task failed on a missing volume ${name(volid)}, but the evidence now disagrees.`
        : `Volume ${name(volid)}${disk ? `, ${disk.key} of ${guestShortLabel(guest)},` : ''} does not exist on storage ${name(storage)}${said.length === 0 ? `, so ${guestShortLabel(guest)} cannot start` : ''}.`,
    evidence: [
      ...lineEvidence(said, 2),
      ...(disk ? [fact('config', `${disk.key}: ${disk.volid}`)] : []),
      ...decisive,
      ...taskEvidence(evidence, said),
    ],
    contradictedBy,
    fix: `Restore ${key} of ${guestShortLabel(guest)} from a backup, or look for the volume under another name (\`${guest.type === 'lxc' ? 'pct rescan' : 'qm disk rescan'} --vmid ${guest.vmid}\`); if it is gone for good, remove it: \`${cli(guest)} set ${guest.vmid} --delete ${disk?.key ?? 'KEY'}\`.`,
  };
}
