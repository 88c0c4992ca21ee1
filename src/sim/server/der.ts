/** Just enough DER (X.690) to write the simulator's self-signed certificate. */

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

export const sequence = (...items: Buffer[]) => tlv(0x30, ...items);
export const set = (...items: Buffer[]) => tlv(0x31, ...items);
export const octetString = (bytes: Buffer) => tlv(0x04, bytes);
export const bitString = (bytes: Buffer) => tlv(0x03, Buffer.from([0]), bytes);
export const utf8String = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
export const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
export const explicit = (tagNumber: number, content: Buffer) => tlv(0xa0 | tagNumber, content);

/** A positive INTEGER from big-endian bytes (a leading zero keeps the sign bit clear). */
export function integer(bytes: Buffer): Buffer {
  const trimmed = bytes.subarray(
    bytes.findIndex((b) => b !== 0) === -1 ? bytes.length - 1 : bytes.findIndex((b) => b !== 0),
  );
  return tlv(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function oid(dotted: string): Buffer {
  const [first, second, ...rest] = dotted.split('.').map(Number);
  const bytes = [first! * 40 + second!];
  for (const arc of rest) {
    const chunk: number[] = [];
    for (let value = arc; ; value = Math.floor(value / 128)) {
      chunk.unshift((value % 128) | (chunk.length ? 0x80 : 0));
      if (value < 128) break;
    }
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime (YYMMDDHHMMSSZ) for 1950-2049, GeneralizedTime otherwise (RFC 5280). */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}
