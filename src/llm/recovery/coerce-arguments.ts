/**
 * Small models often quote numbers and booleans ("101", "true"). Where the
 * tool's JSON Schema wants a number, integer or boolean, such strings become
 * that type; everything else is left as it is for validation to judge.
 */
export function coerceArguments(
  args: Record<string, unknown>,
  schema: Record<string, unknown>,
): Record<string, unknown> {
  const coerced = coerce(args, schema);
  return isObject(coerced) ? coerced : args;
}

function coerce(value: unknown, schema: unknown): unknown {
  if (!isObject(schema)) return value;
  if (typeof value === 'string') return fromString(value, typesOf(schema));
  if (Array.isArray(value)) {
    const arraySchema = memberFor(schema, 'array');
    return arraySchema ? value.map((item) => coerce(item, arraySchema.items)) : value;
  }
  const properties = isObject(value) ? memberFor(schema, 'object')?.properties : undefined;
  if (!isObject(value) || !isObject(properties)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      Object.hasOwn(properties, key) ? coerce(item, properties[key]) : item,
    ]),
  );
}

/** The schema itself, or its `anyOf` / `oneOf` member, that describes values of `type`. */
function memberFor(schema: Record<string, unknown>, type: string): Record<string, unknown> | undefined {
  if (ownTypes(schema).has(type)) return schema;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const found = isObject(member) ? memberFor(member, type) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function fromString(value: string, types: Set<string>): unknown {
  if (types.has('string')) return value;
  const trimmed = value.trim();
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    if (types.has('number') || Number.isInteger(number)) return number;
  }
  if (types.has('boolean') && /^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return value;
}

/** `type` as a string or a list, or the types of `anyOf` / `oneOf` members (zod writes optional-nullable that way). */
function typesOf(schema: Record<string, unknown>): Set<string> {
  const types = ownTypes(schema);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key];
    if (Array.isArray(members))
      for (const member of members) if (isObject(member)) for (const entry of typesOf(member)) types.add(entry);
  }
  return types;
}

function ownTypes(schema: Record<string, unknown>): Set<string> {
  const { type } = schema;
  const types = new Set<string>(
    typeof type === 'string' ? [type] : Array.isArray(type) ? type.filter((entry) => typeof entry === 'string') : [],
  );
  if (types.size === 0 && isObject(schema.properties)) types.add('object');
  return types;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
