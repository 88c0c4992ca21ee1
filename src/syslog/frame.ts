/**
 * RFC 5424 syslog messages in RFC 6587 octet-counting framing: `LEN SP MSG`,
 * where MSG is `<PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID MSGID - TEXT`.
 * Octet counting (not newline framing) carries any text unchanged.
 */

/** The facilities of RFC 5424 by their usual names. */
export const syslogFacilities = {
  kern: 0,
  user: 1,
  mail: 2,
  daemon: 3,
  auth: 4,
  syslog: 5,
  lpr: 6,
  news: 7,
  uucp: 8,
  cron: 9,
  authpriv: 10,
  ftp: 11,
  local0: 16,
  local1: 17,
  local2: 18,
  local3: 19,
  local4: 20,
  local5: 21,
  local6: 22,
  local7: 23,
} as const;

export type SyslogFacility = keyof typeof syslogFacilities;

/** Informational: an audit record is a fact, not an alarm. */
const severityInfo = 6;

export interface SyslogHeader {
  facility: SyslogFacility;
  appName: string;
  hostname: string;
  procId: string;
}

export interface SyslogMessage {
  /** RFC 3339 time, e.g. the record's `ts`. */
  timestamp: string;
  /** A short type, e.g. the record's `kind`. */
  msgId: string;
  text: string;
}

/** One framed message, ready to write on the connection. */
export function frameSyslog(header: SyslogHeader, message: SyslogMessage): Buffer {
  const pri = syslogFacilities[header.facility] * 8 + severityInfo;
  const body = Buffer.from(
    `<${pri}>1 ${message.timestamp} ${headerField(header.hostname, 255)} ${headerField(header.appName, 48)} ${headerField(header.procId, 128)} ${headerField(message.msgId, 32)} - ${message.text}`,
    'utf8',
  );
  return Buffer.concat([Buffer.from(`${body.length} `, 'ascii'), body]);
}

/** Header fields are printable US-ASCII without spaces, of a bounded length; "-" stands for none. */
function headerField(value: string, maxLength: number): string {
  const printable = value.replace(/[^\x21-\x7e]/g, '').slice(0, maxLength);
  return printable === '' ? '-' : printable;
}
