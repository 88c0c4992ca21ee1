import fs from 'node:fs';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit, type AuditRecord } from '../../src/audit/index.js';
import { auditRecords, spawnBinary } from '../mcp/binary.js';
import { runCli, tempHome } from '../support/cli.js';
import { copyTrail, placesBySeq, removeRecord, truncateBefore, type RecordPlace } from '../support/trail-surgery.js';

let running: ReturnType<typeof spawnBinary> | undefined;
afterEach(() => {
  running?.child.kill('SIGKILL');
  running = undefined;
});

/** A seeded generator, so every run picks the same calls and the same kill moments. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface SentCall {
  tool: string;
  args: Record<string, unknown>;
  /** Set once the answer reached the client. */
  answer?: { isError: boolean };
}

const rounds = 4;
const clientsPerRound = 3;
const policy = '- id: crash-test-snapshots\n  tools: [snapshot_vm]\n  verdict: allow\n';

/** Guests the demo lets a snapshot run on, one per client so that their tasks never lock each other out. */
const snapshotGuests = [104, 200, 103];

/** A read, or (one time in four) an allowed change whose arguments are unique. */
function pickCall(random: () => number, guest: number, label: string, index: number): SentCall {
  const roll = random();
  if (roll < 0.25) return { tool: 'snapshot_vm', args: { vmid: guest, name: `${label}n${index}` } };
  if (roll < 0.5) return { tool: 'list_vms', args: {} };
  if (roll < 0.75) return { tool: 'list_nodes', args: {} };
  return { tool: 'vm_status', args: { vmid: 100 + Math.floor(random() * 4) } };
}

async function connect(url: string, token: string, name: string): Promise<Client> {
  const client = new Client({ name, version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return client;
}

/** Calls one at a time until the server is gone; every answer that arrives is noted on its call. */
async function drive(client: Client, calls: SentCall[], next: () => SentCall, onAnswer: () => void): Promise<void> {
  for (;;) {
    const call = next();
    calls.push(call);
    try {
      const result = await client.callTool({ name: call.tool, arguments: call.args });
      call.answer = { isError: result.isError === true };
    } catch {
      return;
    }
    onAnswer();
  }
}

/** Every record of one call: the call record and those pointing back to it. */
function recordsOfCall(all: readonly AuditRecord[], call: AuditRecord): AuditRecord[] {
  return all.filter((record) => record.seq === call.seq || record.parentSeq === call.seq);
}

async function damagedFails(auditDir: string, place: RecordPlace, damage: typeof removeRecord): Promise<boolean> {
  const copy = copyTrail(auditDir);
  damage(copy, place);
  const report = await verifyAudit(copy);
  fs.rmSync(copy, { recursive: true, force: true });
  return !report.ok;
}

async function binaryVerifyExit(auditDir: string, place: RecordPlace, damage: typeof removeRecord): Promise<number> {
  const home = tempHome();
  damage(copyTrail(auditDir, path.join(home, 'audit')), place);
  return (await runCli(['audit', 'verify'], { home })).code;
}

describe('proxmox-ai mcp --http killed with SIGKILL under concurrent calls (built binary)', () => {
  it('protects every record of every call whose answer reached its client', async () => {
    const home = tempHome();
    fs.writeFileSync(path.join(home, 'policy.yaml'), policy);
    const auditDir = path.join(home, 'audit');
    const random = seededRandom(20_261_207);
    const seen = { answered: 0, changes: 0, checked: 0, unanswered: 0 };
    for (let round = 0; round < rounds; round++) {
      running = spawnBinary(home, ['mcp', '--http', '--demo']);
      const server = running;
      const announce = JSON.parse(await server.firstLine) as { url: string; tokenFile: string };
      const token = fs.readFileSync(announce.tokenFile, 'utf8').trim();
      const killAfter = 4 + Math.floor(random() * 20);
      let answers = 0;
      const onAnswer = () => {
        if (++answers === killAfter) server.child.kill('SIGKILL');
      };
      const names = Array.from({ length: clientsPerRound }, (_, i) => `crash-r${round}-c${i}`);
      const clients = await Promise.all(names.map((name) => connect(announce.url, token, name)));
      const sent = names.map(() => [] as SentCall[]);
      // A request whose response stream the kill cut stays pending in the SDK; closing the client ends it.
      void server.exited.then(() => Promise.all(clients.map((client) => client.close())));
      await Promise.all(
        clients.map((client, i) => {
          const own = seededRandom(1_000 * round + i + 1);
          return drive(
            client,
            sent[i]!,
            () => pickCall(own, snapshotGuests[i]!, `r${round}c${i}`, sent[i]!.length),
            onAnswer,
          );
        }),
      );
      expect(await server.exited).toBeNull();

      expect((await runCli(['audit', 'verify'], { home })).code).toBe(0);
      const all = await auditRecords(home);
      const places = placesBySeq(auditDir);
      let lastAnswered = 0;
      for (const [i, name] of names.entries()) {
        const answered = sent[i]!.filter((call) => call.answer);
        expect(answered).toEqual(sent[i]!.slice(0, answered.length));
        const callRecords = all.filter((record) => record.kind === 'call' && record.actor.mcpClient === name);
        expect(callRecords.length).toBeGreaterThanOrEqual(answered.length);
        seen.unanswered += callRecords.length - answered.length;
        for (const [k, call] of answered.entries()) {
          const records = recordsOfCall(all, callRecords[k]!);
          expect(records[0]).toMatchObject({ tool: call.tool, args: call.args });
          const result = records.find((record) => record.kind === 'result');
          expect(result, `${name} call ${k} (${call.tool}) has no result record`).toBeDefined();
          expect(!['ok', 'cached'].includes(result!.outcome!.status)).toBe(call.answer!.isError);
          for (const record of records) {
            const place = places.get(record.seq)!;
            expect(await damagedFails(auditDir, place, removeRecord), `removing seq ${record.seq}`).toBe(true);
            expect(await damagedFails(auditDir, place, truncateBefore), `cutting before seq ${record.seq}`).toBe(true);
            lastAnswered = Math.max(lastAnswered, record.seq);
            seen.checked++;
          }
        }
        seen.answered += answered.length;
        seen.changes += answered.filter((call) => call.tool === 'snapshot_vm' && !call.answer!.isError).length;
      }
      // The record most at risk, the last one any client was answered for, seen by the command itself.
      expect(await binaryVerifyExit(auditDir, places.get(lastAnswered)!, removeRecord)).toBe(4);
      expect(await binaryVerifyExit(auditDir, places.get(lastAnswered)!, truncateBefore)).toBe(4);
    }
    console.log(
      `crash test: ${rounds} rounds, ${seen.answered} calls answered (${seen.changes} snapshots made), ` +
        `${seen.checked} of their records checked, ` +
        `${seen.unanswered} calls recorded but never answered`,
    );
    expect(seen.answered).toBeGreaterThanOrEqual(rounds * 4);
    expect(seen.changes).toBeGreaterThan(0);
  }, 240_000);
});
