import { parameterError } from '../server/api-error.js';
import type { RawParams } from '../server/request.js';
import type { EndpointSpec, ParamSpec } from './endpoint-spec.js';
import { formatError } from './formats.js';

/** Checked parameters: integers and booleans (0/1) as numbers, everything else as strings. */
export type Params = Record<string, string | number | undefined>;

const patternCache = new Map<string, RegExp>();

/**
 * Checks every parameter against the endpoint's schema the way pve-common's
 * JSONSchema does, collecting one message per parameter; throws the 400.
 */
export function validateParams(spec: EndpointSpec, raw: RawParams): Params {
  const errors: Record<string, string> = {};
  const params: Params = {};
  for (const name of Object.keys(raw)) {
    if (!(name in spec.parameters) && !(indexedName(name) in spec.parameters))
      errors[name] = 'property is not defined in schema and the schema does not allow additional properties';
  }
  for (const name of Object.keys(raw)) {
    const schema = spec.parameters[indexedName(name)];
    if (name in spec.parameters || !schema) continue;
    const checked = checkValue(schema, raw[name]);
    if (typeof checked === 'object') errors[name] = checked.error;
    else params[name] = checked;
  }
  for (const [name, schema] of Object.entries(spec.parameters)) {
    if (name.endsWith('[n]')) continue;
    const value = raw[name];
    if (value === undefined || value === null) {
      if (!schema.optional) errors[name] = 'property is missing and it is not optional';
      continue;
    }
    const checked = checkValue(schema, value);
    if (typeof checked === 'object') errors[name] = checked.error;
    else params[name] = checked;
    if (schema.requires && raw[schema.requires] === undefined) {
      errors[schema.requires] = `missing property - '${name}' requires this property`;
    }
  }
  if (Object.keys(errors).length > 0) throw parameterError(errors);
  return params;
}

/** `net0` is declared once as `net[n]`, as the schema lists numbered config keys. */
function indexedName(name: string): string {
  return name.replace(/\d+$/, '[n]');
}

function checkValue(schema: ParamSpec, value: unknown): string | number | { error: string } {
  const type = schema.type ?? 'string';
  if (Array.isArray(value) || (typeof value === 'object' && value !== null)) {
    return { error: `type check ('${type}') failed - got ${Array.isArray(value) ? 'ARRAY' : 'HASH'}` };
  }
  const typed = coerce(type, value as string | number | boolean);
  if (typeof typed === 'object') return typed;
  const text = String(typed);
  if (schema.format) {
    const error = formatError(schema.format, text);
    if (error) return { error: `invalid format - ${error}` };
  }
  if (schema.pattern && !anchored(schema.pattern).test(text))
    return { error: 'value does not match the regex pattern' };
  if (schema.maxLength !== undefined && text.length > schema.maxLength)
    return { error: `value may only be ${schema.maxLength} characters long` };
  if (typeof typed === 'number') {
    if (schema.minimum !== undefined && typed < schema.minimum)
      return { error: `value must have a minimum value of ${schema.minimum}` };
    if (schema.maximum !== undefined && typed > schema.maximum)
      return { error: `value must have a maximum value of ${schema.maximum}` };
  }
  if (schema.enum && !schema.enum.includes(text)) {
    return { error: `value '${text}' does not have a value in the enumeration '${schema.enum.join(', ')}'` };
  }
  return typed;
}

/** Form values are strings; JSON bodies may carry numbers and true/false (booleans then become 0/1). */
function coerce(type: string, value: string | number | boolean): string | number | { error: string } {
  const failed = { error: `type check ('${type}') failed - got '${String(value)}'` };
  switch (type) {
    case 'integer':
      if (typeof value === 'number') return Number.isInteger(value) ? value : failed;
      return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : failed;
    case 'number':
      if (typeof value === 'number') return value;
      return typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(value) ? Number(value) : failed;
    case 'boolean':
      if (typeof value === 'boolean') return value ? 1 : 0;
      return value === 1 || value === '1' ? 1 : value === 0 || value === '0' ? 0 : failed;
    default:
      return String(value);
  }
}

/** A Perl pattern from the schema as an anchored JavaScript RegExp (`(?^:...)` groups become `(?:...)`). */
function anchored(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern.replace(/\(\?\^:/g, '(?:')})$`);
    patternCache.set(pattern, regex);
  }
  return regex;
}
