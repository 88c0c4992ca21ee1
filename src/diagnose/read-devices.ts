import type { NodeDevices } from './evidence.js';
import type { EvidenceReader } from './evidence-reader.js';
import type { GuestConfigFacts } from './guest-config.js';
import { machineSchema, parseList, pciDeviceSchema, usbDeviceSchema } from '../proxmox/schemas/evidence.js';

/**
 * The node's devices and QEMU machine types, read only when the config asks
 * for them (hostpci, usb, a versioned machine). A read that fails leaves the
 * fact unknown: it is not itself evidence of this guest's failure.
 */
export async function readDevices(
  reader: EvidenceReader,
  node: string,
  config: GuestConfigFacts | undefined,
): Promise<NodeDevices | undefined> {
  if (!config) return undefined;
  const keys = Object.keys(config.raw);
  const wantPci = keys.some((key) => /^hostpci\d+$/.test(key));
  const wantUsb = keys.some((key) => /^usb\d+$/.test(key));
  const wantMachine = /\d+\.\d+/.test(config.raw.machine ?? '');
  if (!wantPci && !wantUsb && !wantMachine) return undefined;
  const list = async <T>(wanted: boolean, path: string, schema: Parameters<typeof parseList<T>>[0]) => {
    if (!wanted) return undefined;
    const answer = await reader.read<unknown>(path);
    return answer.ok ? parseList(schema, answer.data) : undefined;
  };
  const base = `/nodes/${node}`;
  const [pci, usb, machines] = await Promise.all([
    list(wantPci, `${base}/hardware/pci`, pciDeviceSchema),
    list(wantUsb, `${base}/hardware/usb`, usbDeviceSchema),
    list(wantMachine, `${base}/capabilities/qemu/machines`, machineSchema),
  ]);
  return {
    pci,
    usb: usb?.map((device) => ({
      id: `${device.vendid.replace(/^0x/, '')}:${device.prodid.replace(/^0x/, '')}`.toLowerCase(),
      port: `${device.busnum}-${device.usbpath ?? device.port ?? ''}`,
    })),
    machines: machines?.map((machine) => machine.id),
  };
}
