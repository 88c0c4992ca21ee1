import { describe, expect, it } from 'vitest';
import { lineScope, mentionedVmids } from '../../src/diagnose/guest-mentions.js';

describe('which guest a log line names', () => {
  it.each([
    ["VM 312 qmp command 'system_reset' failed - got timeout", 312],
    ['kvm: -netdev type=tap,id=net0,ifname=tap845i0,script=/usr/libexec/qemu-server/pve-bridge', 845],
    ['systemd[1]: 4211.scope: A process of this unit has been killed by the OOM killer.', 4211],
    ['unable to start service ct:515 on local node after 1 retries', 515],
    ["volume 'tank:vm-733-disk-2' does not exist", 733],
    ["startup for container '606' failed", 606],
    ['lxc-start: 902: lxccontainer.c: wait_on_daemonized_start: 865 No such file or directory', 902],
    [
      'pvedaemon[1440]: <root@pam> end task UPID:hv-a:001A3886:08D0FAEB:6AFFB10C:qmstart:318:root@pam: VM is locked (backup)',
      318,
    ],
  ])('%s names %i', (text, vmid) => {
    expect([...mentionedVmids(text)]).toContain(vmid);
  });

  it('keeps a line about another guest away from this one', () => {
    expect(lineScope('ERROR: Backup of VM 1020 failed - interrupted by signal', 311)).toBe('other');
  });

  it("treats a line that names no guest as the node's", () => {
    expect(
      lineScope('kernel: device-mapper: thin: 252:4: switching pool to out-of-data-space (error IO) mode', 311),
    ).toBe('node');
  });
});
