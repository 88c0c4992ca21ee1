/**
 * RRD history as pvestatd would have recorded it, generated backwards from
 * the current figures along the scenario's declared trend. Each timeframe has
 * the resolution and row count of pve-cluster's create_rrd_data: 70 rows.
 */

export type Timeframe = 'hour' | 'day' | 'week' | 'month' | 'year';
export type ConsolidationFunction = 'AVERAGE' | 'MAX';

const resolutionSeconds: Record<Timeframe, number> = {
  hour: 60,
  day: 1_800,
  week: 10_800,
  month: 43_200,
  year: 604_800,
};
const rows = 70;
const day = 86_400;

/** The row start times of a timeframe, oldest first, ending before the current resolution step. */
export function rowTimes(timeframe: Timeframe, nowSeconds: number): number[] {
  const resolution = resolutionSeconds[timeframe];
  const end = resolution * Math.floor(nowSeconds / resolution);
  return Array.from({ length: rows }, (_, index) => end - resolution * (rows - index));
}

/** A series that is `now` at the current time and moved `perDay` per day before, clamped to [min, max]. */
export interface Trend {
  now: number;
  perDay: number;
  min: number;
  max: number;
  /** Daily swing around the trend (half the peak-to-peak), in the series' unit. */
  swing: number;
}

/**
 * The value of a row: the trend at the row's middle plus the daily swing;
 * MAX adds the swing's amplitude, as a maximum over the row would.
 */
export function trendValue(
  trend: Trend,
  rowStart: number,
  timeframe: Timeframe,
  cf: ConsolidationFunction,
  nowSeconds: number,
): number {
  const middle = rowStart + resolutionSeconds[timeframe] / 2;
  const daysAgo = (nowSeconds - middle) / day;
  const wave = trend.swing * Math.sin((2 * Math.PI * (middle % day)) / day);
  const value = trend.now - trend.perDay * daysAgo + (cf === 'MAX' ? Math.abs(trend.swing) : wave);
  return Math.min(trend.max, Math.max(trend.min, value));
}

/** A stable fraction in [0, 1) for a key and a row, for figures with no trend (cpu, network). */
export function noise(key: number, rowStart: number): number {
  const x = Math.sin(key * 12.9898 + (rowStart / 60) * 0.0713) * 43_758.5453;
  return x - Math.floor(x);
}
