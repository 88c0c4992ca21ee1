import { ConfigStore } from '../../config/store.js';
import type { AppConfig, Secrets } from '../../config/schema.js';
import { AppError } from '../../shared/errors.js';
import { ExitCode } from '../../shared/exit-codes.js';
import { fail, ok, type CheckResult } from '../doctor/check.js';
import { listEgress } from '../doctor/egress.js';
import { checkForwarding } from '../doctor/forward-check.js';
import { checkNodeVersion, checkStateDirs, checkWritable } from '../doctor/local-checks.js';
import { checkOllama } from '../doctor/ollama-check.js';
import { checkProfiles } from '../doctor/profile-checks.js';
import { printJson, printLine, type CommandContext } from '../io.js';

const marks = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;

export async function doctor(ctx: CommandContext, options: { json?: boolean }): Promise<number> {
  const { io, paths } = ctx;
  const results: CheckResult[] = [checkNodeVersion(), ...checkStateDirs(paths), checkWritable(paths)];
  const loaded = loadConfig(ctx);
  results.push(loaded.result);
  if (loaded.config) {
    results.push(...(await checkProfiles(loaded.config.profiles ?? {}, loaded.secrets ?? {}, io.env)));
    results.push(await checkOllama(loaded.config, io.env));
    const forwarding = await checkForwarding(loaded.config, paths.auditDir);
    if (forwarding) results.push(forwarding);
    results.push(...listEgress(loaded.config, io.env));
  }
  const failed = results.some((result) => result.status === 'fail');
  if (options.json) {
    printJson(io.stdout, { ok: !failed, checks: results });
  } else {
    for (const result of results) {
      printLine(io.stdout, `${marks[result.status]}  ${result.message}`);
      if (result.fix && result.status !== 'ok') printLine(io.stdout, `      fix: ${result.fix}`);
    }
  }
  return failed ? ExitCode.runtime : ExitCode.ok;
}

function loadConfig(ctx: CommandContext): { result: CheckResult; config?: AppConfig; secrets?: Secrets } {
  try {
    const store = ConfigStore.open(ctx.paths);
    return {
      result: ok('config', `config ${store.path} is valid`),
      config: store.read(),
      secrets: store.readSecrets(),
    };
  } catch (error) {
    if (!AppError.isInstance(error)) throw error;
    return { result: fail('config', error.message) };
  }
}
