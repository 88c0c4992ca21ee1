import crypto from 'node:crypto';
import path from 'node:path';
import type { AppConfig } from '../config/schema.js';
import type { ExternalProgram, IacPort, SavedCheck, SavedPlan } from '../core/ports/iac.js';
import { findOnPath } from './process/find-program.js';
import { runProgram } from './process/run-program.js';
import { MemoryBook, newBase32Id } from './session-book.js';

export { IacRequestError } from './iac-error.js';

export interface IacAdapterOptions {
  paths: { workspacesDir: string };
  config: AppConfig;
  /** The session's profile: its URL is the provider endpoint; token and CA go to terraform's environment only. */
  profile: { url: string; tokenId?: string; tokenSecret?: string; caFile?: string };
  /** Where programs are looked up (PATH) and the environment they inherit; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** known_hosts for Ansible's SSH connections; default: OpenSSH's own (~/.ssh/known_hosts). */
  knownHostsFile?: string;
  /** A configured Ansible inventory; without one, run_playbook generates one from the cluster. */
  inventoryFile?: string;
  /** Whether run_playbook may build an inventory from the cluster's guest-agent addresses (not for simulators). */
  generateInventory?: boolean;
  random?: (size: number) => Uint8Array;
}

/** The Terraform/Ansible port of one session (docs/architecture.md, "Ports and adapters": wired in src/cli, handed to tools through their context). */
export function createIacAdapters(options: IacAdapterOptions): IacPort {
  const env = options.env ?? process.env;
  const random = options.random ?? ((size: number) => crypto.randomBytes(size));
  const terraformPath = findOnPath('terraform', env.PATH) ?? findOnPath('tofu', env.PATH);
  const ansiblePath = findOnPath('ansible-playbook', env.PATH);
  const iac = options.config.iac ?? {};
  return {
    workspacesDir: options.paths.workspacesDir,
    ...(terraformPath ? { terraform: program(terraformPath, terraformEnv(env, options.profile), []) } : {}),
    ...(ansiblePath ? { ansible: program(ansiblePath, ansibleEnv(env), ansibleArgs(options.knownHostsFile)) } : {}),
    endpoint: options.profile.url,
    allowInit: iac.allowInit ?? false,
    playbookDirs: (iac.playbookDirs ?? []).map((dir) => path.resolve(dir)),
    ...(options.inventoryFile ? { inventoryFile: path.resolve(options.inventoryFile) } : {}),
    generateInventory: options.generateInventory ?? true,
    plans: new MemoryBook<SavedPlan>(),
    checks: new MemoryBook<SavedCheck>(),
    newId: () => newBase32Id(random),
  };
}

function program(file: string, env: NodeJS.ProcessEnv, leadingArgs: readonly string[]): ExternalProgram {
  return {
    name: path.basename(file),
    path: file,
    run: (args, runOptions) => runProgram(file, [...leadingArgs, ...args], env, runOptions),
  };
}

function terraformEnv(base: NodeJS.ProcessEnv, profile: IacAdapterOptions['profile']): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' };
  // Safety: nothing from the environment may switch TLS verification off or add arguments to our commands.
  delete env.PROXMOX_VE_INSECURE;
  for (const key of Object.keys(env)) if (key.startsWith('TF_CLI_ARGS')) delete env[key];
  // Safety: the token reaches the provider through its documented variable, never through a file we write.
  if (profile.tokenId && profile.tokenSecret && !env.PROXMOX_VE_API_TOKEN)
    env.PROXMOX_VE_API_TOKEN = `${profile.tokenId}=${profile.tokenSecret}`;
  // The provider cannot pin a fingerprint; a profile CA file becomes Go's trust store for this run.
  if (profile.caFile) env.SSL_CERT_FILE = path.resolve(profile.caFile);
  return env;
}

function ansibleEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    ANSIBLE_NOCOLOR: '1',
    ANSIBLE_FORCE_COLOR: '0',
    // Safety: unknown or changed host keys stop the run; Ansible must not turn checking off.
    ANSIBLE_HOST_KEY_CHECKING: 'True',
    ANSIBLE_RETRY_FILES_ENABLED: '0',
    ANSIBLE_STDOUT_CALLBACK: 'default',
    ANSIBLE_CALLBACK_RESULT_FORMAT: 'json',
    // No ControlPersist master left running after the call: an abort or the end of a run leaves nothing behind.
    ANSIBLE_SSH_ARGS: '-C -o ControlMaster=no',
    PYTHONUNBUFFERED: '1',
  };
}

function ansibleArgs(knownHostsFile: string | undefined): string[] {
  const ssh = [
    '-o StrictHostKeyChecking=yes',
    ...(knownHostsFile ? [`-o UserKnownHostsFile="${path.resolve(knownHostsFile)}"`] : []),
  ];
  return [`--ssh-common-args=${ssh.join(' ')}`];
}
