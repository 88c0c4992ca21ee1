import type { SessionBook } from '../core/ports/iac.js';

/** A session's memory of plans and check runs; it lives as long as the adapters, never on disk. */
export class MemoryBook<T> implements SessionBook<T> {
  private readonly items = new Map<string, T>();

  save(key: string, item: T): void {
    this.items.set(key, item);
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }
}

/** Ten base32 characters from the injected random source. */
export function newBase32Id(random: (size: number) => Uint8Array): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return Array.from(random(10), (byte) => alphabet[byte % 32]).join('');
}
