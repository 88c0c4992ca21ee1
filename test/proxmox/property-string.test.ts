import { describe, expect, it } from 'vitest';
import {
  configMemoryMiB,
  configNics,
  configVolumes,
  formatPropertyString,
  parsePropertyString,
  sizeToBytes,
  splitVolid,
} from '../../src/proxmox/schemas/property-string.js';

describe('property strings', () => {
  it('reads a leading bare value and the key=value pairs after it', () => {
    const parsed = parsePropertyString('local-lvm:vm-101-disk-0,iothread=1,size=32G');
    expect(parsed.head).toBe('local-lvm:vm-101-disk-0');
    expect(Object.fromEntries(parsed.props)).toEqual({ iothread: '1', size: '32G' });
  });

  it('has no bare value when the string starts with a pair, and reads numbers as strings', () => {
    expect(parsePropertyString('name=eth0,bridge=vmbr0').head).toBe('');
    expect(parsePropertyString(4096)).toEqual({ head: '4096', props: new Map() });
  });

  it('writes back what it read', () => {
    const value = 'virtio=BC:24:11:00:00:01,bridge=vmbr0,firewall=1';
    expect(formatPropertyString(parsePropertyString(value))).toBe(value);
    expect(formatPropertyString({ head: '', props: new Map([['order', 'scsi0;net0']]) })).toBe('order=scsi0;net0');
  });
});

describe('values inside a guest config', () => {
  it('splits volids on the first colon and refuses what is not one', () => {
    expect(splitVolid('local:iso/debian-12.iso')).toEqual({ storage: 'local', volname: 'iso/debian-12.iso' });
    expect(splitVolid('/mnt/data')).toBeUndefined();
    expect(splitVolid('none')).toBeUndefined();
    expect(splitVolid('1bad:vm-1-disk-0')).toBeUndefined();
  });

  it('reads sizes the way Proxmox writes them', () => {
    expect(sizeToBytes('32G')).toBe(32 * 1024 ** 3);
    expect(sizeToBytes('1.5T')).toBe(1.5 * 1024 ** 4);
    expect(sizeToBytes('4096')).toBe(4096);
    expect(sizeToBytes('lots')).toBe(0);
  });

  it('lists the disk keys of each guest type with where their data lives', () => {
    const qemu = { scsi0: 'local-lvm:vm-100-disk-0,size=32G', ide2: 'none,media=cdrom', net0: 'virtio=x', cores: 2 };
    expect(configVolumes('qemu', qemu).map((volume) => [volume.key, volume.source])).toEqual([
      ['scsi0', 'local-lvm:vm-100-disk-0'],
      ['ide2', 'none'],
    ]);
    const lxc = { rootfs: 'volume=local-zfs:subvol-200-disk-0,size=8G', mp0: '/mnt/data,mp=/data', scsi0: 'x:y' };
    expect(configVolumes('lxc', lxc).map((volume) => volume.source)).toEqual([
      'local-zfs:subvol-200-disk-0',
      '/mnt/data',
    ]);
  });

  it('reads NIC model, MAC and bridge for VMs and containers', () => {
    expect(configNics('qemu', { net0: 'e1000=BC:24:11:00:00:01,bridge=vmbr1,tag=20' })).toEqual([
      {
        key: 'net0',
        value: 'e1000=BC:24:11:00:00:01,bridge=vmbr1,tag=20',
        model: 'e1000',
        mac: 'BC:24:11:00:00:01',
        bridge: 'vmbr1',
      },
    ]);
    expect(configNics('lxc', { net0: 'name=eth0,hwaddr=BC:24:11:00:00:02,bridge=vmbr0' })[0]).toMatchObject({
      model: 'veth',
      mac: 'BC:24:11:00:00:02',
      bridge: 'vmbr0',
    });
  });

  it('reads memory in both forms and falls back to the 512 MiB default', () => {
    expect(configMemoryMiB({ memory: 4096 })).toBe(4096);
    expect(configMemoryMiB({ memory: 'current=2048' })).toBe(2048);
    expect(configMemoryMiB({})).toBe(512);
    expect(configMemoryMiB({ memory: 'nonsense' })).toBe(512);
  });
});
