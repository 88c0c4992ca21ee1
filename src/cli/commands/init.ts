import { resolveKey } from '../../config/keys.js';
import { profileNamePattern } from '../../config/schema.js';
import { ConfigStore } from '../../config/store.js';
import { parseValue } from '../../config/values.js';
import { AppError, UsageError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { createProxmoxClient } from '../../proxmox/client.js';
import { probeTls } from '../../proxmox/tls-probe.js';
import { loadTrust } from '../../proxmox/tls-trust.js';
import { Prompter } from '../init/prompter.js';
import { printLine, type CommandContext } from '../io.js';
import { readStdinSecret } from '../read-secret.js';

export interface InitOptions {
  url?: string;
  tokenId?: string;
  tokenSecret?: string;
  fingerprint?: string;
  caFile?: string;
}

/**
 * `proxmox-ai init`: a profile in one step. Asks what is not given (on a
 * terminal), trusts the certificate only by a fingerprint the user confirmed
 * or gave, or a CA file, tests the token against the API, and writes the
 * profile only when all of that worked.
 */
export async function init(ctx: CommandContext, options: InitOptions): Promise<number> {
  const stdin = ctx.io.stdin as NodeJS.ReadStream;
  const say = (text: string) => printLine(ctx.io.stderr, text);
  // With the secret on stdin there is nobody to answer questions there.
  const terminal = stdin.isTTY === true && options.tokenSecret !== '-';
  const prompter = terminal ? new Prompter(stdin, ctx.io.stderr) : null;
  const need = (flag: string) => {
    throw new UsageError(`init needs ${flag} when it cannot ask (stdin is not a terminal)`);
  };
  try {
    const name = checked('profile', ctx.globals.profile ?? (await prompter?.line('Profile name', 'home')) ?? 'home');
    const key = (leaf: string) => resolveKey(`profiles.${name}.${leaf}`);
    const url = parseValue(
      key('url'),
      options.url ?? (await prompter?.line('Proxmox VE URL, e.g. https://pve1:8006')) ?? need('--url'),
    ) as string;
    const trust = await trustFor(name, url, options, prompter, say);
    const tokenId = parseValue(
      key('tokenId'),
      options.tokenId ?? (await prompter?.line('API token id (USER@REALM!TOKENID)')) ?? need('--token-id'),
    ) as string;
    const tokenSecret =
      options.tokenSecret === '-'
        ? await readStdinSecret(ctx.io.stdin, '--token-secret')
        : (options.tokenSecret ?? (await prompter?.hidden('API token secret (not shown)')) ?? need('--token-secret -'));
    const profile = { name, url, tokenId, tokenSecret, ...trust };
    const client = createProxmoxClient(profile, { timeoutMs: 15_000 });
    try {
      const version = await client.cluster.version();
      const guests = await client.cluster.guests();
      say(`Proxmox VE ${version.version} answers; token ${tokenId} sees ${guests.length} guest(s).`);
      if (guests.length === 0)
        say(
          `warning: the token sees no guests. A privilege-separated token needs its own role: pveum acl modify / --tokens '${tokenId}' --roles PVEAuditor (docs/proxmox-access.md)`,
        );
    } finally {
      await client.close();
    }
    const store = ConfigStore.open(ctx.paths);
    await store.set(key('url'), url);
    await store.set(key('tokenId'), tokenId);
    if (trust.fingerprint) await store.set(key('fingerprint'), trust.fingerprint);
    if (trust.caFile) await store.set(key('caFile'), trust.caFile);
    await store.set(key('tokenSecret'), tokenSecret);
    const isDefault = store.read().defaultProfile === undefined;
    if (isDefault) await store.set(resolveKey('defaultProfile'), name);
    printLine(
      ctx.io.stdout,
      `profile ${name} saved${isDefault ? ' (the default)' : ''}; try: proxmox-ai doctor, then proxmox-ai${isDefault ? '' : ` --profile ${name}`}`,
    );
    return ExitCode.ok;
  } finally {
    prompter?.close();
  }
}

/**
 * How the certificate is trusted: a CA file, a fingerprint given and seen, a
 * certificate the system trusts, or (on a terminal) the fingerprint shown and
 * confirmed by the user. Nothing is trusted silently.
 */
async function trustFor(
  name: string,
  url: string,
  options: InitOptions,
  prompter: Prompter | null,
  say: (text: string) => void,
): Promise<{ fingerprint?: string; caFile?: string }> {
  const given = options.fingerprint
    ? (parseValue(resolveKey(`profiles.${name}.fingerprint`), options.fingerprint) as string)
    : undefined;
  const trust = loadTrust({
    name,
    ...(given ? { fingerprint: given } : {}),
    ...(options.caFile ? { caFile: options.caFile } : {}),
  });
  const probe = await probeTls(url, trust);
  switch (probe.kind) {
    case 'unreachable':
      throw new AppError(
        'init.unreachable',
        `${url} cannot be reached (${probe.reason}); check the URL and port 8006`,
        ExitCode.runtime,
      );
    case 'changed':
      throw new AppError(
        'init.fingerprint-mismatch',
        `${url} presents the certificate ${probe.fingerprint}, not ${probe.pinned}; check 'pvenode cert info' on the node`,
        ExitCode.runtime,
      );
    case 'trusted':
      if (probe.by === 'ca-file') return { caFile: options.caFile! };
      if (probe.by === 'fingerprint') return { fingerprint: probe.fingerprint };
      say(`${url} has a certificate the system trusts (${probe.fingerprint}).`);
      return {};
    case 'untrusted': {
      if (options.caFile)
        throw new AppError(
          'init.untrusted',
          `${url} is not signed by ${options.caFile} (${probe.reason})`,
          ExitCode.runtime,
        );
      if (!prompter)
        throw new UsageError(
          `${url} presents a certificate with SHA-256 fingerprint ${probe.fingerprint}; if 'pvenode cert info' on the node shows the same, run init again with --fingerprint ${probe.fingerprint} (or --ca-file)`,
        );
      say(`${url} presents a certificate no CA vouches for (${probe.reason}).`);
      say(`SHA-256 fingerprint: ${probe.fingerprint}`);
      say("Compare it with 'pvenode cert info' on the node (the fingerprint of pveproxy-ssl.pem or pve-ssl.pem).");
      const answer = (await prompter.line('Trust this certificate? [y/N]')).toLowerCase();
      if (answer !== 'y' && answer !== 'yes') throw new UsageError('certificate not trusted; nothing saved');
      return { fingerprint: probe.fingerprint };
    }
  }
}

function checked(what: string, name: string): string {
  if (!profileNamePattern.test(name)) throw new UsageError(`${what} '${name}' must be letters, digits, - or _`);
  return name;
}
