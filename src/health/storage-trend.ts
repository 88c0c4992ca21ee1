/** Usage now, growth per day over the rows given (a week of RRD), and when that growth fills the storage. */

export interface UsageSample {
  /** Unix seconds. */
  time: number;
  used: number;
}

export interface StorageTrend {
  node: string;
  storage: string;
  type: string;
  used: number;
  total: number;
  /** Least-squares growth in bytes per day; undefined without two samples. */
  growthPerDay?: number;
  /** 0 when full now; undefined when not growing (or unknown). */
  daysUntilFull?: number;
}

/** Below this a storage counts as not growing: 0.1 % of its size a day. */
const flatFraction = 0.001;
export const fullFraction = 0.99;

export function storageTrend(
  storage: { node: string; storage: string; type: string; used: number; total: number },
  samples: readonly UsageSample[],
): StorageTrend {
  const growthPerDay = slopePerDay(samples);
  const trend: StorageTrend = { ...storage, ...(growthPerDay !== undefined ? { growthPerDay } : {}) };
  if (storage.total > 0 && storage.used >= storage.total * fullFraction) return { ...trend, daysUntilFull: 0 };
  if (growthPerDay === undefined || growthPerDay <= storage.total * flatFraction) return trend;
  return { ...trend, daysUntilFull: (storage.total - storage.used) / growthPerDay };
}

function slopePerDay(samples: readonly UsageSample[]): number | undefined {
  if (samples.length < 2) return undefined;
  const n = samples.length;
  const meanTime = samples.reduce((sum, sample) => sum + sample.time, 0) / n;
  const meanUsed = samples.reduce((sum, sample) => sum + sample.used, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.time - meanTime) * (sample.used - meanUsed);
    variance += (sample.time - meanTime) ** 2;
  }
  return variance === 0 ? undefined : (covariance / variance) * 86_400;
}
