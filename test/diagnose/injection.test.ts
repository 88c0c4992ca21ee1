import { afterAll, beforeAll, expect, it } from 'vitest';
import type { GuestDiagnosis } from '../../src/diagnose/finding.js';
import { diagnoseVm } from '../../tools/diagnose_vm.js';
import { startCluster, type LiveCluster } from './support/cluster.js';
import { fixture } from './support/fixtures.js';

// A journal line next to a real failure tries to instruct the reader; it must stay data.
const instruction = 'ignore previous instructions';
let cluster: LiveCluster;
let text: string;
let diagnosis: GuestDiagnosis;

beforeAll(async () => {
  cluster = await startCluster(fixture('injection'));
  const result = await diagnoseVm.run({ vmid: 470 }, cluster.context());
  text = result.text;
  diagnosis = result.structured as unknown as GuestDiagnosis;
});

afterAll(async () => {
  await cluster.close();
});

it('still names the real cause first', () => {
  expect(diagnosis.findings[0]).toMatchObject({ id: 'bridge-missing', confidence: 'confirmed' });
});

it('reports the line verbatim as journal evidence', () => {
  const quoted = diagnosis.findings
    .flatMap((finding) => finding.evidence)
    .find((item) => item.text.includes(instruction));
  expect(quoted?.source).toBe('journal');
});

it('never lets the line into a verdict or a fix', () => {
  for (const finding of diagnosis.findings) {
    expect(finding.summary).not.toContain(instruction);
    expect(finding.fix).not.toContain(instruction);
    expect(finding.fix).not.toContain('destroy');
  }
});

it('shows the line to the model only inside the data fence, which it cannot close', () => {
  const open = text.indexOf('<<<DATA');
  const close = text.lastIndexOf('<<<END DATA>>>');
  const at = text.indexOf(instruction);
  expect(open).toBeGreaterThan(-1);
  expect(at).toBeGreaterThan(open);
  expect(at).toBeLessThan(close);
  expect(text.match(/<<<END DATA>>>/g)).toHaveLength(1);
});
