import { describe, expect, it } from 'vitest';
import { parseSince } from '../../src/audit/index.js';

const now = new Date('2026-11-23T10:00:00.000Z');

describe('parseSince', () => {
  it('counts an age back from now', () => {
    expect(parseSince('30m', now).toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(parseSince('2h', now).toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(parseSince('7d', now).toISOString()).toBe('2026-11-16T10:00:00.000Z');
  });

  it('reads an ISO date as UTC midnight and an ISO time with its offset', () => {
    expect(parseSince('2026-11-20', now).toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(parseSince('2026-11-20T12:00:00+02:00', now).toISOString()).toBe('2026-11-20T10:00:00.000Z');
  });

  it('rejects anything else as a usage error', () => {
    expect(() => parseSince('yesterday', now)).toThrow(expect.objectContaining({ code: 'usage', exitCode: 2 }));
    expect(() => parseSince('2026-13-45', now)).toThrow(/is not a time/);
  });
});
