/**
 * Whether the terminal takes UTF-8, decided as the C library does: the first
 * of LC_ALL, LC_CTYPE and LANG that is set and not empty names the locale.
 */
export function localeIsUtf8(env: NodeJS.ProcessEnv): boolean {
  const locale = [env.LC_ALL, env.LC_CTYPE, env.LANG].find((value) => value !== undefined && value !== '');
  if (locale === undefined) return false;
  return /utf-?8/i.test(locale);
}
