import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock, demoNow, demoScenario, startClient, type SimClient } from './support/sim-client.js';

const GiB = 1024 ** 3;
const resolutions = { hour: 60, day: 1_800, week: 10_800, month: 43_200, year: 604_800 } as const;

describe('simulator RRD data', () => {
  const clock = new ManualClock(demoNow);
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient(demoScenario(), { now: clock.now });
  });
  afterAll(() => client.close());

  it.each(Object.entries(resolutions))(
    'answers 70 rows for %s at its resolution, oldest first',
    async (timeframe, step) => {
      for (const path of [
        '/nodes/pve1/rrddata',
        '/nodes/pve2/storage/local-lvm/rrddata',
        '/nodes/pve1/qemu/100/rrddata',
        '/nodes/pve2/lxc/200/rrddata',
      ]) {
        const rows: Array<{ time: number }> = await client.data('GET', `${path}?timeframe=${timeframe}`);
        expect(rows).toHaveLength(70);
        expect(rows[1]!.time - rows[0]!.time).toBe(step);
        expect(rows.at(-1)!.time).toBe(step * Math.floor(demoNow / 1000 / step) - step);
      }
    },
  );

  it("follows pve2 local-lvm's declared growth of 6 GiB a day up to full", async () => {
    const rows: Array<{ time: number; used: number; total: number }> = await client.data(
      'GET',
      '/nodes/pve2/storage/local-lvm/rrddata?timeframe=week&cf=AVERAGE',
    );
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const perDay = ((last.used - first.used) / (last.time - first.time)) * 86_400;
    expect(perDay / GiB).toBeCloseTo(6, 0);
    expect(last.total).toBe(Math.round(348.8 * GiB));
    expect(last.used / last.total).toBeGreaterThan(0.99);
  });

  it('gives MAX rows at least the AVERAGE', async () => {
    const average: Array<{ memused: number }> = await client.data(
      'GET',
      '/nodes/pve1/rrddata?timeframe=day&cf=AVERAGE',
    );
    const max: Array<{ memused: number }> = await client.data('GET', '/nodes/pve1/rrddata?timeframe=day&cf=MAX');
    expect(max.every((row, index) => row.memused >= average[index]!.memused)).toBe(true);
    expect(max[0]).toMatchObject({ maxcpu: 16, memtotal: 65536 * 1024 ** 2 });
  });

  it('shows a stopped guest with zero usage and refuses an unknown one as RRD does', async () => {
    const rows: Array<{ cpu: number; maxmem: number }> = await client.data(
      'GET',
      '/nodes/pve1/qemu/101/rrddata?timeframe=hour',
    );
    expect(rows.every((row) => row.cpu === 0 && row.maxmem === 8192 * 1024 ** 2)).toBe(true);
    const unknown = await client.call('GET', '/nodes/pve1/qemu/999/rrddata?timeframe=hour');
    expect(unknown.status).toBe(500);
    expect(unknown.reason).toContain("RRD error: opening '/var/lib/rrdcached/db/pve-vm-9.0/999'");
  });

  it('validates timeframe and cf against the schema', async () => {
    const answer = await client.call('GET', '/nodes/pve1/rrddata?timeframe=fortnight&cf=MIN');
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors).sort()).toEqual(['cf', 'timeframe']);
  });
});
