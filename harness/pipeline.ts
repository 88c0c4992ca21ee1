import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createRedactor,
  openAuditSink,
  readAuditRecords,
  type AuditRecord,
  type AuditSink,
} from '../src/audit/index.js';
import type { Approver, ConfirmAnswer, ConfirmRequest } from '../src/core/approver.js';
import { ToolRegistry } from '../src/core/registry.js';
import { callTool, type CallDeps, type ToolRequest } from '../src/core/scheduler.js';
import type { ToolContext } from '../src/core/tool.js';
import { TurnReadMemo } from '../src/core/turn-reads.js';
import { SessionGrants, defaultRulesPath, loadDefaultRules, parseRules, type PolicyMode } from '../src/policy/index.js';
import { createProxmoxClient } from '../src/proxmox/index.js';
import { toProxmoxApi } from '../src/proxmox/proxmox-api-adapter.js';
import { demoScenarioPath, loadScenarioFile, simulatorClock, startSimulator, type Scenario } from '../src/sim/index.js';
import { allTools } from '../tools/index.js';

/** An approver that answers from a script and remembers what it was asked. */
export class ScriptedApprover implements Approver {
  readonly asked: ConfirmRequest[] = [];
  constructor(private readonly answer: (request: ConfirmRequest) => ConfirmAnswer) {}
  async confirm(request: ConfirmRequest): Promise<ConfirmAnswer> {
    this.asked.push(request);
    return this.answer(request);
  }
}

export interface PipelineOptions {
  scenario?: Scenario;
  approver?: Approver;
  userRules?: string;
  mode?: PolicyMode;
  audit?: AuditSink;
  taskDurationMs?: number;
  /** Adapters the composition root would wire (src/iac, src/ssh); given the simulator's URL once it runs. */
  adapters?: (sim: { url: string }) => Pick<ToolContext, 'iac' | 'nodeShell'>;
  /** Call time limits; default 10 s for reads, 20 s for changes. */
  timeoutMs?: { read: number; write: number };
  /** Call Proxmox as this token instead of the scenario's first one (a limited token, a wrong secret). */
  token?: { id: string; secret: string };
}

/** The real pipeline against the real simulator over HTTPS: scheduler, policy, audit, client, tools. */
export async function startPipeline(options: PipelineOptions = {}) {
  const scenario = options.scenario ?? loadScenarioFile(demoScenarioPath());
  const clock = simulatorClock(scenario.now);
  const sim = await startSimulator({ scenario, now: clock, taskDurationMs: options.taskDurationMs ?? 0 });
  const token = options.token ?? { id: sim.tokenId, secret: sim.tokenSecret };
  const client = createProxmoxClient({
    name: 'demo',
    url: sim.url,
    tokenId: token.id,
    tokenSecret: token.secret,
    fingerprint: sim.fingerprint,
  });
  const api = toProxmoxApi(client);
  const auditDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proxmox-ai-pipeline-')), 'audit');
  const redactor = createRedactor({ secrets: [sim.tokenSecret, token.secret] });
  const defaults = loadDefaultRules(defaultRulesPath());
  const user = options.userRules ? parseRules({ file: 'test-policy.yaml', text: options.userRules }) : [];
  const deps: CallDeps = {
    registry: new ToolRegistry(allTools),
    audit: options.audit ?? openAuditSink({ dir: auditDir, redactor }),
    redactor,
    rules: [...user, ...defaults],
    mode: options.mode ?? 'normal',
    grants: new SessionGrants(),
    turnReads: new TurnReadMemo(),
    ...(options.approver ? { approver: options.approver } : {}),
    session: {
      id: 's_testsession1',
      origin: 'cli',
      actor: { osUser: 'tester', pveIdentity: token.id, mcpClient: null },
      profile: 'demo',
      cluster: 'homelab',
    },
    context: {
      proxmox: api,
      profile: 'demo',
      cluster: 'homelab',
      now: () => new Date(clock()),
      ...options.adapters?.(sim),
    },
    timeoutMs: options.timeoutMs ?? { read: 10_000, write: 20_000 },
  };
  return {
    sim,
    api,
    deps,
    auditDir,
    call: (tool: string, args: unknown, extra: Partial<ToolRequest> = {}) => callTool({ tool, args, ...extra }, deps),
    async records(): Promise<AuditRecord[]> {
      const all: AuditRecord[] = [];
      for await (const record of readAuditRecords(auditDir)) all.push(record);
      return all;
    },
    async close() {
      await client.close();
      await sim.close();
    },
  };
}
