import { describe, expect, it } from 'vitest';
import type { GuestDiagnosis } from '../../src/diagnose/finding.js';
import { renderDiagnosis, wrap } from '../../src/diagnose/render-terminal.js';

const diagnosis: GuestDiagnosis = {
  vmid: 311,
  node: 'hv-a',
  name: 'proxy-dmz',
  status: 'stopped',
  findings: [
    {
      id: 'bridge-missing',
      category: 'network',
      confidence: 'confirmed',
      summary: 'Bridge br-dmz, used by net0, does not exist on node hv-a.',
      evidence: [
        {
          source: 'task-log',
          text: 'kvm: -netdev type=tap,id=net0,ifname=tap311i0,script=/usr/libexec/qemu-server/pve-bridge,downscript=/usr/libexec/qemu-server/pve-bridgedown,vhost=on: network script failed',
        },
        { source: 'journal', text: 'hv-a app[1]: \u001b[31mred\u001b[0m text with a bell\u0007' },
      ],
      contradictedBy: [],
      fix: 'Create bridge br-dmz on hv-a (System > Network, then `ifreload -a`).',
    },
  ],
};

describe('the terminal rendering', () => {
  const lines = renderDiagnosis(diagnosis, 9);

  it('puts the verdict first, then evidence, then the fix', () => {
    expect(lines[1]).toBe('Verdict: bridge-missing (network, confirmed)');
    expect(lines.indexOf('Evidence:')).toBeLessThan(lines.indexOf('Fix:'));
  });

  it('stays within 80 columns, cutting words longer than a line', () => {
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    expect(lines.join('')).toContain('pve-bridgedown');
  });

  it('drops terminal control characters from outside text', () => {
    expect([...lines.join('\n')].filter((char) => char !== '\n' && char.charCodeAt(0) < 0x20)).toEqual([]);
  });

  it('wraps with a hanging indent', () => {
    expect(wrap('one two three four', 12, '- ', '  ')).toEqual(['- one two', '  three four']);
  });
});
