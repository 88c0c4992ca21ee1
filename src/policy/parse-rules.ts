import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { PolicyFileError } from './policy-file-error.js';
import { PolicyRuleSchema, ruleIdPattern, ruleKeys, whereKeys, type PolicyRule } from './rule-schema.js';
import { lineOfPath, pathAtOffset, type YamlPath } from './yaml-locate.js';

/**
 * A rules file is a YAML list of rules at the top level (the same form as the
 * shipped defaults). An empty file, or one with only comments, has no rules.
 */
export interface RulesSource {
  /** Shown in errors; usually the file's path. */
  file: string;
  text: string;
}

export interface ParseOptions {
  /** Ids of the built-in defaults: a user rule may not reuse them, so a ruleId in the audit trail names one rule. */
  builtInIds?: ReadonlySet<string>;
}

const RuleList = z.array(PolicyRuleSchema);

export function parseRules(source: RulesSource, options: ParseOptions = {}): PolicyRule[] {
  const lines = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: lines, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    if (syntax.code === 'MULTIPLE_DOCS') {
      throw new PolicyFileError(
        { file: source.file, line },
        'a rules file is one YAML document; remove the "---" separator',
      );
    }
    const problem = `YAML syntax error: ${syntax.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`;
    throw new PolicyFileError(
      { file: source.file, line, ...describePath(safeToJS(doc), pathAtOffset(doc, syntax.pos[0])) },
      problem,
    );
  }
  const data = toData(doc, source);
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) {
    const hint =
      typeof data === 'object' && 'rules' in data ? '; write the rules as a top-level list, without "rules:"' : '';
    throw new PolicyFileError(
      { file: source.file, line: lineOfPath(doc, lines, []) },
      `expected a list of rules ("- id: ..." entries)${hint}`,
    );
  }
  const parsed = RuleList.safeParse(data);
  if (!parsed.success) throw issueError(source, doc, lines, data, parsed.error.issues[0]);
  checkIds(parsed.data, source, doc, lines, options.builtInIds ?? new Set());
  return parsed.data;
}

function toData(doc: Document, source: RulesSource): unknown {
  try {
    return doc.toJS();
  } catch (error) {
    throw new PolicyFileError(
      { file: source.file },
      `YAML error: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

function safeToJS(doc: Document): unknown {
  try {
    return doc.toJS();
  } catch {
    return undefined;
  }
}

function issueError(
  source: RulesSource,
  doc: Document,
  lines: LineCounter,
  data: unknown[],
  issue: z.core.$ZodIssue | undefined,
): PolicyFileError {
  const path = [...(issue?.path ?? [])] as Array<string | number>;
  let problem = issue?.message ?? 'invalid rule';
  if (issue?.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const valid = path.at(-1) === 'where' ? whereKeys : ruleKeys;
    problem = `unknown key "${key}"; valid keys here: ${valid.join(', ')}`;
    path.push(key);
  } else if (valueAt(data, path) === undefined) {
    problem = `missing (${problem})`;
  }
  return new PolicyFileError(
    { file: source.file, line: lineOfPath(doc, lines, path), ...describePath(data, path) },
    problem,
  );
}

function checkIds(
  rules: PolicyRule[],
  source: RulesSource,
  doc: Document,
  lines: LineCounter,
  builtInIds: ReadonlySet<string>,
): void {
  const seen = new Map<string, number>();
  rules.forEach((rule, index) => {
    const first = seen.get(rule.id);
    const problem =
      first !== undefined
        ? `duplicate id; rule #${first + 1} already uses it`
        : builtInIds.has(rule.id)
          ? `"${rule.id}" is the id of a built-in default rule; pick another id`
          : undefined;
    if (problem)
      throw new PolicyFileError(
        { file: source.file, line: lineOfPath(doc, lines, [index, 'id']), rule: rule.id, field: 'id' },
        problem,
      );
    seen.set(rule.id, index);
  });
}

/** The rule (its id, or #N) and the field (`where.vmid[1]`) a path points at. */
function describePath(data: unknown, path: YamlPath): { rule?: string; field?: string } {
  const [index, ...rest] = path;
  if (typeof index !== 'number') return {};
  const id = (valueAt(data, [index]) as { id?: unknown } | undefined)?.id;
  const rule = typeof id === 'string' && ruleIdPattern.test(id) ? id : `#${index + 1}`;
  const field = rest
    .map((step, at) => (typeof step === 'number' ? `[${step}]` : at === 0 ? step : `.${step}`))
    .join('');
  return field ? { rule, field } : { rule };
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let value = data;
  for (const step of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[step];
  }
  return value;
}
