/** One measured figure as `npm run bench -- --json` prints it. */
export interface Figure {
  value?: number;
  median?: number;
  p99?: number;
  min?: number;
  max?: number;
  n?: number;
  unit: 'ms' | 'ratio' | 'tokens' | 'pct' | 'bytes' | 'MB' | 'records/s';
  goal?: string;
}

export interface BenchOptions {
  /** Longer runs with more samples; quick mode must finish in well under 45 s on 2 cores. */
  full: boolean;
}

/** A benchmark file: measures one or more named figures. */
export interface BenchSuite {
  name: string;
  measure(options: BenchOptions): Promise<Record<string, Figure>>;
}

/** Summary statistics of samples, in the samples' unit. */
export function summarise(samples: number[], unit: Figure['unit']): Figure {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    median: round(at(0.5)),
    p99: round(at(0.99)),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
    n: sorted.length,
    unit,
  };
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
