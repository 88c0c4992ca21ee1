import crypto from 'node:crypto';

/** Ticket lifetime and the clock skew Proxmox tolerates (pve-access-control AccessControl.pm). */
export const ticketLifetimeSeconds = 2 * 3600;
const clockGraceSeconds = 300;

const hex8 = (seconds: number) => seconds.toString(16).toUpperCase().padStart(8, '0');

/**
 * Issues and verifies `PVE:<userid>:<hex time>::<base64 RSA signature>` tickets
 * and the CSRF prevention tokens bound to them, on the simulator clock. Like
 * Proxmox's authkey, the signing key is RSA 2048; it is made on the first
 * login, so simulators that only see API tokens never pay for it.
 */
export class TicketAuthority {
  private readonly csrfSecret = crypto.randomBytes(32);
  private key: crypto.KeyObject | undefined;

  constructor(private readonly nowSeconds: () => number) {}

  private get privateKey(): crypto.KeyObject {
    this.key ??= crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    return this.key;
  }

  issue(userid: string): { ticket: string; csrf: string } {
    const time = hex8(this.nowSeconds());
    const plain = `PVE:${userid}:${time}`;
    const signature = crypto.sign('sha256', Buffer.from(plain), this.privateKey).toString('base64');
    return { ticket: `${plain}::${signature}`, csrf: this.csrfToken(userid, time) };
  }

  /** The user id of a valid, unexpired ticket. */
  verify(ticket: string): string | undefined {
    const match = /^(PVE:([^:\s]+):([0-9A-F]{8}))::([A-Za-z0-9+/=]+)$/.exec(ticket);
    if (!match) return undefined;
    const [, plain, userid, time, signature] = match as unknown as [string, string, string, string, string];
    const publicKey = crypto.createPublicKey(this.privateKey);
    if (!crypto.verify('sha256', Buffer.from(plain), publicKey, Buffer.from(signature, 'base64'))) return undefined;
    const age = this.nowSeconds() - parseInt(time, 16);
    if (age < -clockGraceSeconds || age > ticketLifetimeSeconds) return undefined;
    return userid;
  }

  verifyCsrf(userid: string, token: string): boolean {
    const match = /^([0-9A-F]{8}):/.exec(token);
    if (!match) return false;
    const age = this.nowSeconds() - parseInt(match[1]!, 16);
    if (age < -clockGraceSeconds || age > ticketLifetimeSeconds) return false;
    const expected = Buffer.from(this.csrfToken(userid, match[1]!));
    const given = Buffer.from(token);
    // Safety: constant-time comparison, so the token cannot be guessed byte by byte from timings.
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }

  private csrfToken(userid: string, time: string): string {
    const digest = crypto
      .createHmac('sha256', this.csrfSecret)
      .update(`${time}:${userid}`)
      .digest('base64')
      .replace(/=+$/, '');
    return `${time}:${digest}`;
  }
}
