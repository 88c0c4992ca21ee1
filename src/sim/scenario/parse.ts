import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { packageRoot } from '../../config/package-info.js';
import { ScenarioError } from './scenario-error.js';
import { scenarioSchema, type ResolvedScenario, type Scenario } from './schema.js';
import { lineOf } from './yaml-location.js';

/** Where the shipped demo scenario lives: `<packageRoot>/scenarios/demo.yaml`. */
export function demoScenarioPath(): string {
  return path.join(packageRoot(), 'scenarios', 'demo.yaml');
}

export function loadScenarioFile(file: string): Scenario {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ScenarioError(`scenario file ${file} cannot be read (${reason}); pass an existing YAML or JSON file`, {
      cause: error,
    });
  }
  return parseScenario(text, path.basename(file));
}

/** Parses YAML or JSON (by name, or a leading `{`) and validates it; errors name the field's path and, for YAML, its line. */
export function parseScenario(text: string, sourceName: string): Scenario {
  const json = sourceName.endsWith('.json') || text.trimStart().startsWith('{');
  if (json) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ScenarioError(`scenario ${sourceName}: not valid JSON (${(error as Error).message})`, { cause: error });
    }
    return validateScenario(value, sourceName, () => yamlLocator(text));
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0].line;
    const reason = syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+:$/, '');
    throw new ScenarioError(`scenario ${sourceName}${line ? ` (line ${line})` : ''}: not valid YAML (${reason})`);
  }
  return validateScenario(doc.toJS(), sourceName, () => ({ doc, lines }));
}

type Locator = () => { doc: Document; lines: LineCounter } | undefined;

// Scenarios this module already validated, so that startSimulator does not validate a parsed file twice.
const validated = new WeakSet<object>();

/** Validates a scenario object; `locate` (YAML sources) turns a path into a line for the message. */
export function validateScenario(value: unknown, sourceName: string, locate?: Locator): ResolvedScenario {
  if (typeof value === 'object' && value !== null && validated.has(value)) return value as ResolvedScenario;
  const result = scenarioSchema.safeParse(value);
  if (result.success) {
    validated.add(result.data);
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const fieldPath = formatPath(key === undefined ? issue.path : [...issue.path, key]);
  const located = locate?.();
  const line = located ? lineOf(located.doc, located.lines, issue.path, key) : undefined;
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
  const where = `${fieldPath || '(top level)'}${line ? ` (line ${line})` : ''}`;
  throw new ScenarioError(`scenario ${sourceName}: ${where}: ${describe(issue, value)}${more}`);
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'unrecognized_keys') return 'unknown field';
  if (issue.code !== 'custom' && valueAt(value, issue.path) === undefined) return 'required field is missing';
  return issue.message;
}

function valueAt(value: unknown, segments: readonly PropertyKey[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function formatPath(segments: readonly PropertyKey[]): string {
  return segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      if (/^[A-Za-z_][\w-]*$/.test(name)) return index === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

function yamlLocator(text: string): { doc: Document; lines: LineCounter } | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return doc.errors.length === 0 ? { doc, lines } : undefined;
}
