import { describe, expect, it } from 'vitest';
import { complete } from '../../src/ui/commands/complete.js';

const sources = {
  guests: [
    { vmid: 100, name: 'web-01' },
    { vmid: 101, name: 'db-01' },
    { vmid: 102 },
    { vmid: 105, name: 'web-02' },
    { vmid: 200, name: 'dns' },
  ],
  nodes: ['pve1', 'pve2'],
};

describe('complete', () => {
  it('completes a unique command name and adds a space', () => {
    expect(complete('/jo', sources)).toEqual({ text: '/journal ', candidates: [] });
  });

  it('extends to the common prefix and lists the choices', () => {
    expect(complete('/s', sources)).toEqual({
      text: '/s',
      candidates: ['shutdown', 'snapshot', 'start', 'stop', 'storage'],
    });
    expect(complete('/st', sources)).toEqual({ text: '/st', candidates: ['start', 'stop', 'storage'] });
  });

  it('completes guest ids for commands that take one', () => {
    expect(complete('/start 10', sources)).toEqual({
      text: '/start 10',
      candidates: ['100 web-01', '101 db-01', '102', '105 web-02'],
    });
    expect(complete('/start 2', sources)).toEqual({ text: '/start 200', candidates: [] });
  });

  it('completes guest names, showing the id beside each', () => {
    expect(complete('/stop dn', sources)).toEqual({ text: '/stop dns', candidates: [] });
    expect(complete('/stop we', sources)).toEqual({ text: '/stop web-0', candidates: ['100 web-01', '105 web-02'] });
  });

  it('leaves room for the name after a snapshot guest id', () => {
    expect(complete('/snapshot 20', sources).text).toBe('/snapshot 200 ');
  });

  it('completes node names for /journal', () => {
    expect(complete('/journal p', sources)).toEqual({ text: '/journal pve', candidates: ['pve1', 'pve2'] });
    expect(complete('/journal pve2', sources).text).toBe('/journal pve2');
  });

  it('completes the optional guest of /backups and node of /problems', () => {
    expect(complete('/backups 2', sources).text).toBe('/backups 200');
    expect(complete('/problems pve1', sources).text).toBe('/problems pve1');
  });

  it('leaves questions and unknown commands alone', () => {
    expect(complete('why is 10', sources)).toEqual({ text: 'why is 10', candidates: [] });
    expect(complete('/frob 1', sources)).toEqual({ text: '/frob 1', candidates: [] });
  });
});
