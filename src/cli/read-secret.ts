import { UsageError } from '../shared/errors.js';

/**
 * A secret given as `-`: read from stdin, so it never shows in the process
 * list or the shell history. One trailing newline (from echo or a file) is
 * dropped; an empty secret is refused.
 */
export async function readStdinSecret(stdin: NodeJS.ReadableStream, what: string): Promise<string> {
  let text = '';
  for await (const chunk of stdin) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  const secret = text.replace(/\r?\n$/, '');
  if (secret === '' || /[\r\n]/.test(secret))
    throw new UsageError(`${what}: give one line on stdin (with '-', the secret is read from stdin)`);
  return secret;
}
