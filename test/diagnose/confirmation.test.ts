import { describe, expect, it } from 'vitest';
import { explainLines } from '../../src/diagnose/diagnose-guest.js';
import { evidenceOf, taskLines } from './support/evidence.js';

// Paths the simulator cannot show (its CPUs always have vmx; its tasks are root's), checked on evidence built by hand.
describe('evidence the simulator does not produce', () => {
  it('confirms KVM missing when the node CPU has no vmx or svm', () => {
    const evidence = evidenceOf({ node: { cpu: { hvm: false, flags: ['fpu', 'sse2', 'hypervisor'] } } });
    const [finding] = explainLines(
      evidence,
      taskLines([
        'TASK ERROR: KVM virtualisation configured, but not available. Either disable in VM configuration or enable in BIOS.',
      ]),
    ).findings;
    expect(finding).toMatchObject({ id: 'kvm-not-available', confidence: 'confirmed' });
    expect(finding!.evidence.some((item) => item.text.includes('nested virtualisation'))).toBe(true);
  });

  it("confirms a permission error when the task's user lacks the privilege now", () => {
    const task = {
      upid: 'UPID:pve7:task',
      type: 'qmigrate',
      user: 'ops@pve',
      starttime: 1,
      endtime: 2,
      status: 'Permission check failed (/vms/310, VM.Migrate)',
      failed: true,
      running: false,
      log: undefined,
    };
    const evidence = evidenceOf({
      rest: { tasks: [task], permissions: [{ userid: 'ops@pve', path: '/vms/310', privileges: ['VM.Audit'] }] },
    });
    const [finding] = explainLines(
      evidence,
      taskLines(['TASK ERROR: Permission check failed (/vms/310, VM.Migrate)']),
    ).findings;
    expect(finding).toMatchObject({ id: 'permission-check-failed', confidence: 'confirmed' });
    expect(finding!.fix).toContain("pveum acl modify /vms/310 --users 'ops@pve'");
  });

  it('suspects a permission error when the user holds the privilege now', () => {
    const task = {
      upid: 'UPID:pve7:task',
      type: 'qmigrate',
      user: 'ops@pve',
      starttime: 1,
      endtime: 2,
      status: 'x',
      failed: true,
      running: false,
      log: undefined,
    };
    const evidence = evidenceOf({
      rest: { tasks: [task], permissions: [{ userid: 'ops@pve', path: '/vms/310', privileges: ['VM.Migrate'] }] },
    });
    const [finding] = explainLines(
      evidence,
      taskLines(['TASK ERROR: Permission check failed (/vms/310, VM.Migrate)']),
    ).findings;
    expect(finding).toMatchObject({ id: 'permission-check-failed', confidence: 'suspected' });
  });
});
