/**
 * The port the forwarder sends through: a connection to a log receiver
 * (src/syslog implements it for RFC 5424 syslog over TCP or TLS).
 */

/** A record as the forwarder hands it over: the line exactly as written in the trail. */
export interface ForwardedRecord {
  /** The JSON line without its newline. */
  line: string;
  /** `ts` of the record, or the time it was read when the line is damaged. */
  ts: string;
  /** `kind` of the record (`call`, `decision`, ...), or `unparsed` for a damaged line. */
  kind: string;
}

export interface ReceiverLink {
  /**
   * Queues a record; `written` runs once its bytes are handed to the operating
   * system. Returns false when the connection's buffer is full: wait for `drained()`.
   */
  send(record: ForwardedRecord, written: () => void): boolean;
  drained(): Promise<void>;
  /** Settles with a short reason once the connection ended or failed. */
  readonly closed: Promise<string>;
  /** Ends the connection; resolves true when the receiver closed its side too, i.e. it read everything sent. */
  finish(timeoutMs: number): Promise<boolean>;
  destroy(): void;
}

export interface AuditReceiver {
  /** `tcp://HOST:PORT` or `tls://HOST:PORT`: names the receiver in the state file and in status. */
  readonly address: string;
  /** Rejects with an Error saying why (refused, timed out, certificate not trusted, ...). */
  connect(): Promise<ReceiverLink>;
}
