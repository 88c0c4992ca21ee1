import net from 'node:net';

/** `tcp://HOST:PORT` or `tls://HOST:PORT` (IPv6 in brackets). */
export interface ReceiverUrl {
  tls: boolean;
  host: string;
  port: number;
  /** The URL as written in config, normalised. */
  address: string;
}

export const receiverUrlPattern = /^(tcp|tls):\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):(\d{1,5})$/;

export function parseReceiverUrl(text: string): ReceiverUrl {
  const match = receiverUrlPattern.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65_535)
    throw new Error(
      `'${text}' is not a receiver: use tcp://HOST:PORT or tls://HOST:PORT, e.g. tls://logs.example.net:6514`,
    );
  const host = match[2]!.replace(/^\[|\]$/g, '');
  const shown = net.isIPv6(host) ? `[${host}]` : host;
  return { tls: match[1] === 'tls', host, port, address: `${match[1]}://${shown}:${port}` };
}
