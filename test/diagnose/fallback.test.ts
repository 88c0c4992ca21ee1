import { describe, expect, it } from 'vitest';
import { explainLines } from '../../src/diagnose/diagnose-guest.js';
import { evidenceOf, taskLines } from './support/evidence.js';

// Failures no signature knows: classified by their words and the evidence, `other` only when nothing points anywhere.
describe('the fallback for unknown failures', () => {
  it('files a line by its words when the evidence is silent (suspected)', () => {
    const lines = taskLines([
      "kvm: -drive file=/dev/zvol/tank/vm-310-disk-0,if=none: Could not open '/dev/zvol/tank/vm-310-disk-0': No such file or directory",
      'TASK ERROR: start failed: QEMU exited with code 1',
    ]);
    expect(explainLines(evidenceOf(), lines).findings[0]).toMatchObject({
      id: 'unmatched-storage',
      category: 'storage',
      confidence: 'suspected',
    });
  });

  it('is likely when the evidence points the same way as the words', () => {
    const lines = taskLines([
      'kvm: -device vfio-pci,host=0000:41:00.0,id=hostpci0: vfio 0000:41:00.0: error getting device from group 31: Invalid argument',
    ]);
    const evidence = evidenceOf({ config: { hostpci0: '0000:41:00.0,pcie=1' } });
    expect(explainLines(evidence, lines).findings[0]).toMatchObject({
      id: 'unmatched-pci',
      category: 'pci',
      confidence: 'likely',
    });
  });

  it('says other only when nothing points anywhere', () => {
    expect(
      explainLines(evidenceOf(), taskLines(['TASK ERROR: something unexpected happened: error 42'])).findings[0],
    ).toMatchObject({ id: 'unmatched-other', category: 'other', confidence: 'suspected' });
  });

  it('prefers a word-classified line to the generic wrapper it comes with', () => {
    const lines = taskLines([
      'kvm: -chardev socket,id=qmp,path=/var/run/qemu-server/310.qmp,server=on,wait=off: Failed to bind socket: Address already in use',
      'TASK ERROR: start failed: QEMU exited with code 1',
    ]);
    expect(explainLines(evidenceOf(), lines).findings[0]).toMatchObject({ id: 'unmatched-qmp', category: 'qmp' });
  });

  it('quotes a specific line that points nowhere before the generic wrapper, filed as other', () => {
    const lines = taskLines([
      'kvm: swtpm socket /run/qemu-server/310.swtpm: connection refused by the emulator',
      'TASK ERROR: start failed: QEMU exited with code 1',
    ]);
    const top = explainLines(evidenceOf(), lines).findings[0];
    expect(top).toMatchObject({ id: 'unmatched-other', category: 'other', confidence: 'suspected' });
    expect(top?.evidence[0]?.text).toBe(lines[0]!.text);
  });

  it('keeps the generic wrapper when it is the only line', () => {
    const lines = taskLines(['TASK ERROR: start failed: QEMU exited with code 1']);
    expect(explainLines(evidenceOf(), lines).findings[0]?.id).toBe('qemu-exited-generic');
  });

  it('leaves lines that only report progress alone', () => {
    expect(explainLines(evidenceOf(), taskLines(['generating cloud-init ISO', 'TASK OK'])).findings).toEqual([]);
  });
});
