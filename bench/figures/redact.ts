import { createRedactor } from '../../src/audit/index.js';
import { summarise, type BenchSuite } from '../figure.js';

const megabyte = 1024 * 1024;

function fill(unit: string): string {
  return unit.repeat(Math.ceil(megabyte / unit.length)).slice(0, megabyte);
}

/** 1 MB inputs: a journal as a node writes it, and the shapes that made the old rules quadratic. */
const inputs: Record<string, string> = {
  journal: fill(
    'Nov 20 02:00:01 pve1 pvedaemon[1234]: <root@pam> starting task UPID:pve1:000A1B2C:0F3E4D5C:655B1F00:qmstart:101:root@pam: status=ok password=hunter2\n',
  ),
  wordRun: fill('a'),
  base64: Buffer.from(fill('xyz')).toString('base64').slice(0, megabyte),
  atSigns: fill('ab@cd!'),
  equalSigns: fill('a='),
  unclosedQuotes: fill('k="'),
  ticketPrefixes: fill('PVE%3A'),
};

/**
 * redact1MbMs: redacting 1 MB of text, per shape of input; the figure is the
 * slowest shape's median, so no input can be slower than what it shows.
 */
export const redactFigures: BenchSuite = {
  name: 'redact',
  async measure({ full }) {
    const redactor = createRedactor({ secrets: ['a-secret-from-secrets-json'] });
    const runs = full ? 20 : 5;
    const medians: Record<string, number> = {};
    for (const [shape, text] of Object.entries(inputs)) {
      const flat = [...text].join('');
      const samples: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        redactor.redactText(flat);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      medians[shape] = summarise(samples, 'ms').median!;
    }
    const [slowest, median] = Object.entries(medians).sort((a, b) => b[1] - a[1])[0]!;
    process.stderr.write(`redact1MbMs per shape (slowest: ${slowest}): ${JSON.stringify(medians)}\n`);
    return { redact1MbMs: { value: median, unit: 'ms', goal: '<= 50' } };
  },
};
