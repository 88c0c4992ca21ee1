import path from 'node:path';
import { z } from 'zod';
import { ensurePrivateDir } from '../src/config/private-files.js';
import type { IacPort } from '../src/core/ports/iac.js';
import { defineTool, type ToolContext } from '../src/core/tool.js';
import { clusterInventoryHosts, writeInventory } from '../src/iac/ansible/cluster-inventory.js';
import {
  extraVarsSchema,
  limitSchema,
  playbookNameSchema,
  resolvePlaybook,
  runKey,
} from '../src/iac/ansible/playbook-args.js';
import { describeRecap } from '../src/iac/ansible/recap.js';
import { runPlaybook as runAnsiblePlaybook } from '../src/iac/ansible/run-ansible.js';
import { requireIac } from './support/session-ports.js';
import { fenceAsData } from '../src/core/fence.js';
import { nodeTarget } from './support/guests.js';
import { ToolInputError } from './support/tool-input-error.js';

const input = z
  .object({
    playbook: playbookNameSchema,
    limit: limitSchema.optional(),
    check: z
      .boolean()
      .default(true)
      .describe(
        'true (default): dry run with --check --diff; false: the real run, after a check run of the same playbook',
      ),
    extraVars: extraVarsSchema.optional(),
  })
  .strict();

export const runPlaybook = defineTool({
  name: 'run_playbook',
  title: 'Run an Ansible playbook',
  description:
    'Run an Ansible playbook from the configured playbook directories. By default a check run (--check --diff): nothing changes, the answer shows per host what would change and which tasks fail. For the real run call again with check false and the same playbook, limit and extraVars; it asks for confirmation showing the check result. Arguments: playbook (file name, e.g. "site.yml"); limit (optional hosts/groups, e.g. "web"); check (default true); extraVars (optional {"name": "value"}, plain text, numbers or booleans).',
  input,
  risk: 'change',
  cacheable: false,
  riskFor: (args) => (args.check === false ? 'change' : 'read'),
  async target(args, ctx) {
    const iac = requireIac(ctx);
    const file = resolvePlaybook(iac.playbookDirs, args.playbook);
    const base = { ...nodeTarget(ctx), name: args.playbook };
    if (args.check !== false) return base;
    const checked = iac.checks.get(runKey(file, args.limit, args.extraVars));
    if (!checked)
      throw new ToolInputError(
        'run it with check: true first (same playbook, limit and extraVars); the real run is confirmed with that check result',
      );
    return { ...base, detail: `check run${checked.failed ? ' (FAILED)' : ''}:\n${checked.summary}` };
  },
  async run(args, ctx) {
    const iac = requireIac(ctx);
    if (!iac.ansible)
      throw new ToolInputError('ansible-playbook is not on PATH; install Ansible (Debian: apt install ansible-core)');
    const file = resolvePlaybook(iac.playbookDirs, args.playbook);
    const inventory = iac.inventoryFile ?? (await generatedInventory(iac, ctx));
    const mode = args.check ? 'CHECK RUN (--check --diff: nothing was changed)' : 'REAL RUN';
    ctx.progress(`ansible-playbook ${args.check ? '--check ' : ''}${args.playbook}`);
    const outcome = await runAnsiblePlaybook(
      iac.ansible,
      {
        playbookFile: file,
        inventory,
        check: args.check,
        ...(args.limit ? { limit: args.limit } : {}),
        ...(args.extraVars ? { extraVars: args.extraVars } : {}),
      },
      {
        signal: ctx.signal,
        onLine: (line) => ctx.progress(line),
      },
    );
    const recap = describeRecap(outcome.recap);
    const shown = recap.length > 0 ? recap : outcome.tail;
    if (args.check)
      iac.checks.save(runKey(file, args.limit, args.extraVars), { summary: shown.join('\n'), failed: outcome.failed });
    const hosts = outcome.recap.hosts;
    const counts = `${hosts.length} host(s), ${hosts.filter((host) => host.failed > 0 || host.unreachable > 0).length} failed or unreachable`;
    return {
      failed: outcome.failed,
      text: `${mode} of ${args.playbook} (exit ${outcome.exitCode}): ${counts}\n${fenceAsData(`ansible-playbook output for ${args.playbook}`, shown)}${args.check ? '\nTo run it for real, call run_playbook again with check false and the same arguments.' : ''}`,
      summary: `${args.check ? 'check' : 'run'} ${args.playbook}: ${counts}`,
      structured: { playbook: args.playbook, check: args.check, exitCode: outcome.exitCode, hosts },
    };
  },
});

/** Guests with guest-agent IPs, grouped by node and tag, written under the workspaces directory. */
async function generatedInventory(iac: IacPort, ctx: ToolContext): Promise<string> {
  if (!iac.generateInventory)
    throw new ToolInputError(
      'this cluster is the embedded simulator, whose guest addresses are not real hosts; set iac.inventory to an Ansible inventory file',
    );
  const hosts = await clusterInventoryHosts(ctx.proxmox, ctx.signal);
  if (hosts.length === 0)
    throw new ToolInputError(
      'no running VM reports an IPv4 address through its guest agent, so there is no inventory to run against; configure one',
    );
  const dir = path.join(iac.workspacesDir, 'ansible');
  ensurePrivateDir(dir);
  return writeInventory(dir, iac.newId(), hosts);
}
