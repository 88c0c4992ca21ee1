import { describe, expect, it } from 'vitest';
import { explainLines } from '../../src/diagnose/diagnose-guest.js';
import type { NodeDevices } from '../../src/diagnose/evidence.js';
import { evidenceOf, taskLines } from './support/evidence.js';

// Devices and machine types the config names, against what the node reports (/hardware/pci, /hardware/usb,
// /capabilities/qemu/machines): a misfit is confirmed by the facts alone, with or without a log line.
const started = taskLines(['TASK ERROR: start failed: QEMU exited with code 1']);

function devices(parts: Partial<NodeDevices>): NodeDevices {
  return { pci: undefined, usb: undefined, machines: undefined, ...parts };
}

function topOf(config: Record<string, string>, found: NodeDevices) {
  return explainLines(evidenceOf({ config, node: { name: 'hv-z', devices: found } }), started).findings[0];
}

describe('passed-through devices against the node', () => {
  it('confirms a hostpci device the node does not have', () => {
    const top = topOf({ hostpci0: '0000:b3:00.0,pcie=1' }, devices({ pci: [{ id: '0000:b4:00.0', iommugroup: 30 }] }));
    expect(top).toMatchObject({ id: 'pci-device-missing', category: 'pci', confidence: 'confirmed' });
    expect(top!.evidence.map((item) => item.text)).toContain('hv-z has no PCI device 0000:b3:00.0');
  });

  it('confirms the IOMMU is off when the device is in no IOMMU group', () => {
    const top = topOf({ hostpci0: 'b3:00,x-vga=1' }, devices({ pci: [{ id: '0000:b3:00.0', iommugroup: -1 }] }));
    expect(top).toMatchObject({ id: 'iommu-not-present', category: 'pci', confidence: 'confirmed' });
  });

  it('finds nothing against a device that is there, in a group', () => {
    const top = topOf({ hostpci0: '0000:b3:00.0' }, devices({ pci: [{ id: '0000:b3:00.0', iommugroup: 12 }] }));
    expect(top?.id).toBe('qemu-exited-generic');
  });

  it('confirms a USB device that is not plugged in, by id or by port', () => {
    const usb = [{ id: '1a86:7523', port: '1-4' }];
    expect(topOf({ usb0: 'host=10c4:ea60' }, devices({ usb }))).toMatchObject({
      id: 'usb-device-missing',
      confidence: 'confirmed',
    });
    expect(topOf({ usb0: 'host=1-4' }, devices({ usb }))?.id).toBe('qemu-exited-generic');
  });
});

describe('machine type against the node QEMU', () => {
  it('confirms a pinned machine version the node does not run', () => {
    const top = topOf({ machine: 'pc-q35-10.1' }, devices({ machines: ['pc-q35-9.2', 'pc-i440fx-9.2'] }));
    expect(top).toMatchObject({ id: 'machine-version-unsupported', category: 'kvm', confidence: 'confirmed' });
  });

  it('accepts a version the node runs', () => {
    const top = topOf({ machine: 'pc-q35-9.2+pve1' }, devices({ machines: ['pc-q35-9.2'] }));
    expect(top?.id).toBe('qemu-exited-generic');
  });
});
