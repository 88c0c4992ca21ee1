import { describe, expect, it } from 'vitest';
import { coerceArguments } from '../../src/llm/recover-tool-calls.js';

describe('coerceArguments', () => {
  it('turns numeric strings into numbers where the schema wants a number', () => {
    expect(
      coerceArguments(
        { memoryMiB: '2048', ratio: '0.5' },
        { type: 'object', properties: { memoryMiB: { type: 'integer' }, ratio: { type: 'number' } } },
      ),
    ).toEqual({
      memoryMiB: 2048,
      ratio: 0.5,
    });
  });

  it('leaves a fraction alone where the schema wants an integer', () => {
    expect(coerceArguments({ vmid: '101.5' }, { type: 'object', properties: { vmid: { type: 'integer' } } })).toEqual({
      vmid: '101.5',
    });
  });

  it('reads the type of an optional nullable property from anyOf', () => {
    expect(
      coerceArguments(
        { limit: '20' },
        { type: 'object', properties: { limit: { anyOf: [{ type: 'integer' }, { type: 'null' }] } } },
      ),
    ).toEqual({ limit: 20 });
  });

  it('coerces array items and nested objects', () => {
    const schema = {
      type: 'object',
      properties: {
        disks: {
          type: 'array',
          items: { type: 'object', properties: { sizeGiB: { type: 'integer' }, ssd: { type: 'boolean' } } },
        },
      },
    };
    expect(coerceArguments({ disks: [{ sizeGiB: '32', ssd: 'FALSE' }] }, schema)).toEqual({
      disks: [{ sizeGiB: 32, ssd: false }],
    });
  });

  it('keeps strings where the schema allows a string', () => {
    expect(
      coerceArguments({ node: '1' }, { type: 'object', properties: { node: { type: ['string', 'null'] } } }),
    ).toEqual({ node: '1' });
  });

  it('leaves properties the schema does not describe untouched', () => {
    expect(coerceArguments({ extra: '5' }, { type: 'object', properties: {} })).toEqual({ extra: '5' });
  });
});
