import { afterEach, describe, expect, it } from 'vitest';
import { keys, renderApp, settle, type Harness } from './support/render-app.js';
import { database, startTemplate } from './support/requests.js';

let harness: Harness | undefined;
afterEach(() => harness?.unmount());

/** A turn whose answer is 20,000 numbered lines. */
async function longTranscript(): Promise<Harness> {
  harness = await renderApp();
  const h = harness;
  await h.type('print the journal', keys.enter);
  const turn = h.backend.turns[0]!;
  turn.emit({ type: 'text', delta: Array.from({ length: 20_000 }, (_, i) => `line ${i + 1}`).join('\n') });
  await settle();
  return h;
}

const rowsOf = (frame: string) => frame.split('\n');

describe('transcript viewport', () => {
  it('renders exactly one screen of a 20,000-line transcript, following the end', async () => {
    const h = await longTranscript();
    const rows = rowsOf(h.frame());
    expect(rows).toHaveLength(24);
    expect(h.frame()).toContain('line 20000');
    expect(h.frame()).not.toMatch(/line 1\n/);
  });

  it('scrolls back a page with PgUp and says where it is', async () => {
    const h = await longTranscript();
    await h.type(keys.pageUp);
    expect(h.frame()).toContain('line 19962');
    expect(h.frame()).toContain('line 19981');
    expect(h.frame()).not.toContain('line 19982');
    expect(h.frame()).toContain('rows 19964-19983 of 20002, End follows');
  });

  it('goes to the top with Home and back to the end with End', async () => {
    const h = await longTranscript();
    await h.type(keys.home);
    expect(h.frame()).toContain('› print the journal');
    expect(h.frame()).toContain('line 1\n');
    await h.type(keys.end);
    expect(h.frame()).toContain('line 20000');
  });

  it('keeps a scrolled-back view in place while new text streams in', async () => {
    const h = await longTranscript();
    await h.type(keys.home);
    h.backend.turns[0]!.emit({ type: 'text', delta: '\nline 20001' });
    await settle();
    expect(h.frame()).toContain('› print the journal');
  });

  it('says nothing about scrolling when everything fits', async () => {
    harness = await renderApp();
    await harness.type('/policy', keys.enter);
    await harness.type(keys.pageUp);
    expect(harness.frame()).toContain('Grants for this session');
    expect(harness.frame()).not.toContain('End follows');
  });

  it('pages down back to following the end', async () => {
    const h = await longTranscript();
    await h.type(keys.pageUp, keys.pageDown);
    expect(h.frame()).toContain('line 20000');
    expect(h.frame()).not.toContain('End follows');
  });
});

describe('terminal size', () => {
  it('follows a resize to 60x20 and back', async () => {
    harness = await renderApp();
    const h = harness;
    await h.type('/help', keys.enter);
    await h.resize(60, 20);
    expect(rowsOf(h.frame())).toHaveLength(20);
    expect(Math.max(...rowsOf(h.frame()).map((row) => row.length))).toBeLessThanOrEqual(60);
    await h.resize(80, 24);
    expect(rowsOf(h.frame())).toHaveLength(24);
    expect(h.frame()).toContain('/help · Up/Down history · PgUp/PgDn scroll');
  });

  it('fits the typed confirmation dialog at 60x20', async () => {
    harness = await renderApp({ columns: 60, rows: 20 });
    void harness.backend.approver!.confirm(
      { ...startTemplate, tool: 'stop_vm', confirm: 'typed', target: database },
      new AbortController().signal,
    );
    await settle();
    expect(rowsOf(harness.frame())).toHaveLength(20);
    expect(harness.frame()).toContain('Type 101 or db-01 to confirm:');
    expect(harness.frame()).toContain('Enter submits, Esc denies');
  });
});

describe('ASCII fallback', () => {
  it('draws the header, cards, spinner and dialog with ASCII only', async () => {
    harness = await renderApp({ ascii: true });
    const h = harness;
    await h.type('status?', keys.enter);
    const turn = h.backend.turns[0]!;
    turn.emit({ type: 'tool-requested', id: 'c1', tool: 'start_vm', args: { vmid: 105 } });
    void h.backend.approver!.confirm(startTemplate, turn.signal);
    await settle();
    expect(h.frame()).toContain('+- Confirm ---');
    expect(h.frame()).toContain('proxmox-ai | demo/homelab');
    expect(h.frame()).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
