import { describe, expect, it } from 'vitest';
import { explainLines } from '../../src/diagnose/diagnose-guest.js';
import { evidenceOf, taskLines } from './support/evidence.js';

// Findings straight from the reference carry its fix with this cluster's values instead of the example's.
describe('a finding from the reference alone', () => {
  it('is likely and fills in the real ids', () => {
    const [finding] = explainLines(
      evidenceOf({ guest: { vmid: 615 } }),
      taskLines([
        "2026-03-01 10:00:00 can't migrate local disk 'tank:vm-615-disk-0': can't live migrate attached local disks without with-local-disks option",
      ]),
    ).findings;
    expect(finding).toMatchObject({ id: 'migrate-local-disk', category: 'migration', confidence: 'likely' });
    expect(finding!.fix).toContain('qm migrate 615');
    expect(finding!.fix).toContain('tank');
    expect(finding!.fix).not.toMatch(/\b100\b|local-zfs/);
  });

  it('summarises the cause in one sentence', () => {
    const [finding] = explainLines(
      evidenceOf(),
      taskLines(['TASK ERROR: start failed: QEMU exited with code 1']),
    ).findings;
    expect(finding!.summary.split(/[.;] /)).toHaveLength(1);
  });
});
