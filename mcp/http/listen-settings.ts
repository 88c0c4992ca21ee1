import fs from 'node:fs';
import net from 'node:net';
import { UsageError } from '../../src/shared/errors.js';

export interface ListenSettings {
  host: string;
  port: number;
  tls?: { cert: Buffer; key: Buffer };
}

export interface ListenFlags {
  port: string;
  host?: string;
  tlsCert?: string;
  tlsKey?: string;
}

/**
 * `--port`, `--host`, `--tls-cert`, `--tls-key` checked before anything
 * starts: 127.0.0.1 unless `--host` says otherwise, and TLS for any address
 * that is not loopback.
 */
export function listenSettings(
  flags: ListenFlags,
  readFile: (file: string) => Buffer = (file) => fs.readFileSync(file),
): ListenSettings {
  const port = Number(flags.port);
  if (!/^\d+$/.test(flags.port) || port > 65_535)
    throw new UsageError(`--port takes a number from 0 to 65535 (0 picks a free port), not '${flags.port}'`);
  const host = flags.host ?? '127.0.0.1';
  if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined))
    throw new UsageError('--tls-cert and --tls-key go together: give both PEM files');
  const tls =
    flags.tlsCert && flags.tlsKey
      ? { cert: readPem(flags.tlsCert, '--tls-cert', readFile), key: readPem(flags.tlsKey, '--tls-key', readFile) }
      : undefined;
  // Safety: the bearer token would cross the network in clear text.
  if (!tls && !isLoopback(host))
    throw new UsageError(
      `--host ${host} is reachable from other machines; serve it with --tls-cert FILE --tls-key FILE, or bind 127.0.0.1`,
    );
  return { host, port, ...(tls ? { tls } : {}) };
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return net.isIPv4(bare) && bare.startsWith('127.');
}

function readPem(file: string, flag: string, readFile: (file: string) => Buffer): Buffer {
  try {
    return readFile(file);
  } catch (error) {
    throw new UsageError(`${flag} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
