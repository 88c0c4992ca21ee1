import { ExitCode } from '../../shared/exit-codes.js';
import { defaultRulesPath } from '../../policy/default-rules-path.js';
import { loadDefaultRules, readRulesSource } from '../../policy/load-policy.js';
import { parseRules } from '../../policy/parse-rules.js';
import { printJson, printLine, type CommandContext } from '../io.js';

/** `policy check FILE`: the rules as they would load in front of the built-in defaults, or the first problem (exit 2). */
export async function policyCheck(ctx: CommandContext, file: string, options: { json?: boolean }): Promise<number> {
  const builtInIds = new Set(loadDefaultRules(defaultRulesPath()).map((rule) => rule.id));
  const rules = parseRules(readRulesSource(file), { builtInIds });
  const summary = rules.map((rule) => ({
    id: rule.id,
    verdict: rule.verdict,
    ...(rule.confirm ? { confirm: rule.confirm } : {}),
  }));
  if (options.json) {
    printJson(ctx.io.stdout, { file, valid: true, count: rules.length, rules: summary });
    return ExitCode.ok;
  }
  printLine(ctx.io.stdout, `${file}: valid, ${rules.length} ${rules.length === 1 ? 'rule' : 'rules'}`);
  const width = Math.max(0, ...rules.map((rule) => rule.id.length));
  for (const rule of summary)
    printLine(
      ctx.io.stdout,
      `  ${rule.id.padEnd(width)}  ${rule.verdict}${rule.confirm === 'typed' ? ' (typed)' : ''}`,
    );
  return ExitCode.ok;
}
