import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { packageRoot } from '../../src/config/package-info.js';
import { round, type BenchSuite } from '../figure.js';

/** `proxmox-ai --version` against a bare `node -e 0`, sampled alternately in one run. */
export const coldStart: BenchSuite = {
  name: 'cold start',
  async measure({ full }) {
    const binary = path.join(packageRoot(), 'dist/bin/proxmox-ai.js');
    const runs = full ? 40 : 12;
    const bare: number[] = [];
    const ours: number[] = [];
    for (let i = 0; i < runs; i++) {
      bare.push(time(['-e', '0']));
      ours.push(time([binary, '--version']));
    }
    const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      coldStartRatio: { value: round(medianOf(ours) / medianOf(bare), 2), unit: 'ratio', n: runs, goal: '<= 2.5' },
      coldStartMs: { median: round(medianOf(ours), 1), min: round(Math.min(...ours), 1), n: runs, unit: 'ms' },
    };
  },
};

function time(args: string[]): number {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, args, { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e6;
}
