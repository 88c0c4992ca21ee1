import { it } from 'vitest';
import { Agent, fetch } from 'undici';
import { startSimulator, loadScenarioFile, demoScenarioPath } from '../../src/sim/index.js';

it('smoke', async () => {
  let t = performance.now();
  const scenario = loadScenarioFile(demoScenarioPath());
  console.log('load ms', performance.now() - t);
  t = performance.now();
  const sim = await startSimulator({ scenario, taskDurationMs: 0 });
  console.log('start ms', performance.now() - t);
  const dispatcher = new Agent({ connect: { ca: sim.certificatePem } });
  const h = { authorization: `PVEAPIToken=${sim.tokenId}=${sim.tokenSecret}` };
  const get = async (m: string, p: string) => { const r = await fetch(`${sim.url}/api2/json${p}`, { method: m, headers: h, dispatcher }); const txt = await r.text(); console.log(m, p, r.status, r.statusText, txt.slice(0, 1500)); return txt; };
  await get('GET', '/cluster/resources?type=vm');
  for (const id of ['101', '102', '104', '105']) {
    const upid = JSON.parse(await get('POST', `/nodes/${id === '102' ? 'pve2' : 'pve1'}/qemu/${id}/status/start`)).data;
    await get('GET', `/nodes/${id === '102' ? 'pve2' : 'pve1'}/tasks/${encodeURIComponent(upid)}/log`);
  }
  await get('GET', '/nodes/pve2/qemu/103/status/current');
  await get('GET', '/nodes/pve1/qemu/100/agent/network-get-interfaces');
  await get('GET', '/nodes/pve1/syslog?limit=100');
  await get('GET', '/nodes/pve1/journal?lastentries=5');
  await get('GET', '/cluster/tasks');
  await sim.close();
});
