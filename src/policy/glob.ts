import picomatch from 'picomatch';

// Safety: strict brackets make an unbalanced `[` or `(` a rule-file error
// instead of a pattern that silently matches something other than intended.
const options: picomatch.PicomatchOptions = { dot: true, strictBrackets: true };
const compiled = new Map<string, picomatch.Matcher>();

/** Whether `value` matches the glob `pattern` (`*`, `?`, `[a-z]`, `{a,b}`). Compiled once per pattern. */
export function globMatches(pattern: string, value: string): boolean {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = picomatch(pattern, options);
    compiled.set(pattern, matcher);
  }
  return matcher(value);
}

/** Why `pattern` is not a usable glob, or undefined when it is. */
export function globProblem(pattern: string): string | undefined {
  try {
    picomatch(pattern, options);
    return undefined;
  } catch (error) {
    return `invalid glob "${pattern}": ${error instanceof Error ? error.message : String(error)}`;
  }
}
