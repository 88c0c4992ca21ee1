import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import tls from 'node:tls';
import type { AuditReceiver, ForwardedRecord, ReceiverLink } from '../audit/forward/receiver.js';
import { frameSyslog, type SyslogFacility, type SyslogHeader } from './frame.js';
import { parseReceiverUrl, type ReceiverUrl } from './receiver-url.js';

export interface SyslogReceiverOptions {
  /** `tcp://HOST:PORT` or `tls://HOST:PORT`. */
  url: string;
  /** For tls://: the CA that signed the receiver's certificate (its name must match HOST). */
  caFile?: string;
  /** For tls://: the receiver certificate's SHA-256 fingerprint, pinned (wins over caFile). */
  fingerprint?: string;
  facility?: SyslogFacility;
  appName?: string;
  hostname?: string;
  connectTimeoutMs?: number;
}

/**
 * A syslog receiver (rsyslog, syslog-ng, a SIEM's collector) over TCP, or
 * TLS verified by a CA file or a pinned fingerprint: every record is one
 * RFC 5424 message in octet-counting framing, its text the record's line.
 */
export function syslogReceiver(options: SyslogReceiverOptions): AuditReceiver {
  const url = parseReceiverUrl(options.url);
  const header: SyslogHeader = {
    facility: options.facility ?? 'authpriv',
    appName: options.appName ?? 'proxmox-ai',
    hostname: options.hostname ?? os.hostname(),
    procId: String(process.pid),
  };
  const timeoutMs = options.connectTimeoutMs ?? 5_000;
  return {
    address: url.address,
    connect: async () => linkOn(await open(url, options, timeoutMs), header),
  };
}

function open(url: ReceiverUrl, options: SyslogReceiverOptions, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const ca = url.tls && options.caFile && !options.fingerprint ? readCa(options.caFile) : undefined;
    const socket = url.tls
      ? tls.connect({
          host: url.host,
          port: url.port,
          ...(net.isIP(url.host) ? {} : { servername: url.host }),
          // Safety: a pinned fingerprint is checked by hand below; otherwise Node verifies chain and name.
          rejectUnauthorized: !options.fingerprint,
          ...(ca ? { ca } : {}),
        })
      : net.connect({ host: url.host, port: url.port });
    const fail = (reason: string) => {
      socket.destroy();
      reject(new Error(`${url.address}: ${reason}`));
    };
    const timer = setTimeout(() => fail(`no connection within ${timeoutMs} ms`), timeoutMs);
    timer.unref();
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      fail(error.message);
    });
    socket.once(url.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      if (url.tls && options.fingerprint) {
        const seen = fingerprintOf(socket as tls.TLSSocket);
        if (!sameFingerprint(seen, options.fingerprint))
          return fail(`certificate fingerprint ${seen} is not the pinned ${options.fingerprint}`);
      }
      socket.removeAllListeners('error');
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      // Never keeps the process alive: a process that is done leaves what is left to the next forwarder.
      socket.unref();
      resolve(socket);
    });
  });
}

function linkOn(socket: net.Socket, header: SyslogHeader): ReceiverLink {
  let peerEnded = false;
  const closed = new Promise<string>((resolve) => {
    let reason = 'the receiver closed the connection';
    socket.on('error', (error: NodeJS.ErrnoException) => {
      reason = error.code ? `connection lost (${error.code})` : `connection lost (${error.message})`;
    });
    socket.on('end', () => {
      peerEnded = true;
    });
    socket.on('close', () => resolve(reason));
  });
  // Receivers send nothing back; reading keeps 'end' and 'close' coming when they hang up.
  socket.resume();
  return {
    send(record: ForwardedRecord, written: () => void): boolean {
      if (socket.destroyed) return false;
      const frame = frameSyslog(header, { timestamp: record.ts, msgId: record.kind, text: record.line });
      return socket.write(frame, (error) => {
        if (!error) written();
      });
    },
    drained: () => new Promise<void>((resolve) => socket.once('drain', () => resolve())),
    closed,
    async finish(timeoutMs) {
      socket.ref();
      socket.end();
      const clean = await Promise.race([
        closed.then(() => peerEnded),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
      ]);
      socket.destroy();
      return clean;
    },
    destroy: () => socket.destroy(),
  };
}

function readCa(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new Error(
      `cannot read audit.forward.caFile ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      { cause: error },
    );
  }
}

function fingerprintOf(socket: tls.TLSSocket): string {
  const raw = socket.getPeerCertificate().raw;
  if (!raw) return '(none)';
  return crypto.createHash('sha256').update(raw).digest('hex').toUpperCase().match(/../g)!.join(':');
}

function sameFingerprint(a: string, b: string): boolean {
  const normalise = (value: string) => value.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return normalise(a) === normalise(b);
}
