import { describe, expect, it } from 'vitest';
import { longestGapHours, nextRun, parseCalendarEvent } from '../../src/proxmox/calendar-event.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('backup job calendar events', () => {
  it('runs a daily 01:00 job next at 01:00 tomorrow, every 24 hours', () => {
    const event = parseCalendarEvent('01:00')!;
    expect(nextRun(event, at('2026-11-20T03:00:00Z'))).toBe(at('2026-11-21T01:00:00Z'));
    expect(longestGapHours(event)).toBe(24);
  });

  it('reads day lists and ranges: a weekend job waits five days after Sunday', () => {
    const event = parseCalendarEvent('sat,sun 03:15')!;
    expect(nextRun(event, at('2026-11-20T03:00:00Z'))).toBe(at('2026-11-21T03:15:00Z'));
    expect(longestGapHours(event)).toBe(144);
    expect(longestGapHours(parseCalendarEvent('mon..fri 21:00')!)).toBe(72);
  });

  it('knows daily, weekly and hourly, and every hour at a minute', () => {
    expect(longestGapHours(parseCalendarEvent('weekly')!)).toBe(168);
    expect(longestGapHours(parseCalendarEvent('hourly')!)).toBe(1);
    expect(nextRun(parseCalendarEvent('*:15')!, at('2026-11-20T03:20:00Z'))).toBe(at('2026-11-20T04:15:00Z'));
  });

  it('does not guess events it does not know', () => {
    expect(parseCalendarEvent('*-*-1 02:00')).toBeUndefined();
    expect(parseCalendarEvent('funday 01:00')).toBeUndefined();
    expect(parseCalendarEvent('25:00')).toBeUndefined();
  });
});
