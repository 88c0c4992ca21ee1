/**
 * Where Proxmox, QEMU, LXC, systemd and the kernel name a guest in a log line:
 * its id, its network interfaces (tap101i0, veth200i0, the firewall's
 * fwbr/fwpr/fwln101i0), its systemd units (101.scope, pve-container@200) and
 * its AppArmor profile and cgroup (lxc-200_</var/lib/lxc>, /lxc/200/).
 */
const mentionPatterns: readonly RegExp[] = [
  /\b(?:VM|CT) (\d{3,9})\b/g,
  /\b(?:tap|veth|fwbr|fwln)(\d{3,9})i\d+/g,
  /\bfwpr(\d{3,9})p\d+/g,
  /\b(\d{3,9})\.scope\b/g,
  /\bpve-container@(\d{3,9})\b/g,
  /\blxc-(\d{3,9})_</g,
  /\/lxc(?:\.payload\.|\/)(\d{3,9})\b/g,
  /\b(?:vm|ct):(\d{3,9})\b/g,
  /\b(?:vm|base)-(\d{3,9})-(?:disk|cloudinit|state)/g,
  /\b(?:qemu-server|lxc)\/(\d{3,9})\.(?:conf|pid|swtpm)/g,
  /\/var\/run\/qemu-server\/(\d{3,9})\./g,
  /container ['"](\d{3,9})['"]/g,
  /lxc-start: (\d{3,9}):/g,
  /\bvzdump(?:-qemu|-lxc)?[ -](\d{3,9})\b/g,
  /\bUPID:[^:\s]+:[0-9A-Fa-f]+:[0-9A-Fa-f]+:[0-9A-Fa-f]+:[^:\s]+:(\d{3,9}):/g,
];

/** The guest ids a line names. */
export function mentionedVmids(text: string): Set<number> {
  const found = new Set<number>();
  for (const pattern of mentionPatterns) {
    for (const match of text.matchAll(pattern)) found.add(Number(match[1]));
  }
  return found;
}

/** guest: the line names this guest; node: it names no guest; other: it is about other guests only. */
export function lineScope(text: string, vmid: number): 'guest' | 'node' | 'other' {
  const named = mentionedVmids(text);
  if (named.has(vmid)) return 'guest';
  return named.size === 0 ? 'node' : 'other';
}
