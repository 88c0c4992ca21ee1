import { afterAll, describe, expect, it, vi } from 'vitest';

// Chalk decides its colour level when it is first imported; force colours so the difference shows.
const previous = vi.hoisted(() => {
  const value = process.env.FORCE_COLOR;
  process.env.FORCE_COLOR = '1';
  return value;
});
afterAll(() => {
  if (previous === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = previous;
});

const { renderApp, settle, keys } = await import('./support/render-app.js');

/** SGR colour parameters: 30-37, 39, 40-47, 49, 90-97, 100-107, 38;… and 48;… */
const colourCode = new RegExp(`${String.fromCharCode(27)}\\[(?:3\\d|4\\d|9\\d|10\\d|38;|48;)[\\d;]*m`);

async function screenWithCard(color: boolean) {
  const h = await renderApp({ color });
  await h.type('status?', keys.enter);
  const turn = h.backend.turns[0]!;
  turn.emit({ type: 'tool-requested', id: 'c1', tool: 'vm_status', args: { vmid: 101 } });
  turn.emit({
    type: 'tool-decision',
    id: 'c1',
    verdict: 'allow',
    ruleId: 'reads',
    decidedBy: 'rule:reads',
    target: { profile: 'demo', vmid: 101 },
  });
  await settle();
  const frame = h.frame();
  h.unmount();
  return frame;
}

describe('colour', () => {
  it('colours verdicts and the user turn when colour is on', async () => {
    expect(await screenWithCard(true)).toMatch(colourCode);
  });

  it('writes no colour codes with NO_COLOR or --no-color, and keeps the words', async () => {
    const frame = await screenWithCard(false);
    expect(frame).not.toMatch(colourCode);
    expect(frame).toContain('allow by rule:reads');
  });
});
