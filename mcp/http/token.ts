import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, isExposed } from '../../src/config/private-files.js';
import { ConfigError } from '../../src/shared/errors.js';

/**
 * The bearer token of `mcp --http`, created on first use in `mcp-token`
 * (0600 from the first byte, created exclusively so two servers starting at
 * once agree on one token).
 */
export function loadOrCreateToken(file: string, random: (size: number) => Buffer = crypto.randomBytes): string {
  ensurePrivateDir(path.dirname(file));
  try {
    const fd = fs.openSync(file, 'wx', 0o600);
    const token = random(32).toString('base64url');
    try {
      fs.writeSync(fd, `${token}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return token;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Safety: a token other users can read is a token they may already hold.
  if (isExposed(file))
    throw new ConfigError(
      `${file} is readable by other users; run 'chmod 600 ${file}', or delete it to get a new token`,
      'mcp.token-exposed',
    );
  const token = fs.readFileSync(file, 'utf8').trim();
  if (token.length < 32)
    throw new ConfigError(
      `${file} holds no usable token (32 characters or more); delete it and a new one is created`,
      'mcp.token-invalid',
    );
  return token;
}
