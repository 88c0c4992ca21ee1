import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallScenario, startClient, type SimClient } from './support/sim-client.js';

const lines = [
  'Nov 20 02:00:01 pve1 CRON[100]: (root) CMD (run-parts /etc/cron.hourly)',
  'Nov 20 02:10:00 pve1 pvedaemon[1423]: worker exit',
  'Nov 20 02:20:00 pve1 pveproxy[1520]: worker 4 started',
  'Nov 20 02:30:00 pve1 pvedaemon[1423]: worker 5 started',
];

describe('node logs', () => {
  let client: SimClient;

  beforeAll(async () => {
    client = await startClient(
      smallScenario({ journal: { pve1: [...lines, { ts: '2026-11-20T02:40:00Z', text: 'kernel: eth0: link up' }] } }),
    );
  });
  afterAll(() => client.close());

  it('pages syslog with start and limit, numbering lines from 1', async () => {
    const answer = await client.call('GET', '/nodes/pve1/syslog?start=1&limit=2');
    expect(answer.body).toEqual({
      data: [
        { n: 2, t: lines[1] },
        { n: 3, t: lines[2] },
      ],
      total: 5,
    });
  });

  it('renders {ts, text} lines in syslog form with the node name', async () => {
    const all = await client.data('GET', '/nodes/pve1/syslog');
    expect(all.at(-1).t).toBe('Nov 20 02:40:00 pve1 kernel: eth0: link up');
  });

  it('filters syslog by service and time', async () => {
    const answer = await client.call(
      'GET',
      `/nodes/pve1/syslog?service=pvedaemon&since=${encodeURIComponent('2026-11-20 02:15')}`,
    );
    expect(answer.body.data.map((line: { t: string }) => line.t)).toEqual([lines[3]]);
  });

  it("answers an empty selection with one 'no content' line", async () => {
    const answer = await client.call('GET', '/nodes/pve1/syslog?service=nosuch');
    expect(answer.body).toEqual({ data: [{ n: 1, t: 'no content' }], total: 1 });
  });

  it('streams the journal gzip-encoded in its own envelope, between two cursors', async () => {
    const answer = await client.call('GET', '/nodes/pve1/journal?lastentries=2');
    expect(answer.headers.get('content-encoding')).toBe('gzip');
    expect(answer.body.success).toBe(1);
    const [first, ...rest] = answer.body.data as string[];
    const last = rest.pop();
    expect(rest).toEqual([lines[3], 'Nov 20 02:40:00 pve1 kernel: eth0: link up']);
    expect(first).toMatch(/^s=[0-9a-f]+;i=[0-9a-f]+;b=[0-9a-f]+;m=[0-9a-f]+;t=[0-9a-f]+;x=[0-9a-f]+$/);
    expect(last).toMatch(/;i=5;/);
  });

  it('continues the journal after a start cursor', async () => {
    const [cursor] = (await client.data('GET', '/nodes/pve1/journal?lastentries=3')) as string[];
    const answer = await client.call('GET', `/nodes/pve1/journal?startcursor=${encodeURIComponent(cursor!)}`);
    expect(answer.body.data.slice(1, -1)).toEqual([lines[3], 'Nov 20 02:40:00 pve1 kernel: eth0: link up']);
  });
});
