import { describe, expect, it } from 'vitest';
import { fitTextTables } from '../../src/ui/text/fit-table.js';
import { table } from '../../tools/support/format.js';

const vms = `7 match\n${table(
  ['VMID', 'NAME', 'TYPE', 'NODE', 'STATUS', 'MEM', 'CPU', 'TAGS'],
  [
    [100, 'web-01', 'vm', 'pve1', 'running', '1.2G/4.0G', '7.5%', 'prod'],
    [103, 'files-01', 'vm', 'pve2', 'paused (io-error)', '2.6G/4.0G', '-', '-'],
  ],
)}\n(5 more not shown)`;

describe('fitTextTables', () => {
  it('leaves a table that fits alone', () => {
    expect(fitTextTables(vms, 80)).toBe(vms);
  });

  it('drops low-value columns, whole, until the rows fit', () => {
    const fitted = fitTextTables(vms, 50).split('\n');
    expect(fitted).toEqual([
      '7 match',
      'VMID  NAME      NODE  STATUS             MEM',
      '100   web-01    pve1  running            1.2G/4.0G',
      '103   files-01  pve2  paused (io-error)  2.6G/4.0G',
      '(5 more not shown)',
    ]);
  });
});
