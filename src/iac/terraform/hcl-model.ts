/** The HCL subset we generate and parse back: blocks, attributes, literals, lists and objects. No expressions. */

export type HclValue = string | number | boolean | HclValue[] | HclObject;

export interface HclObject {
  [key: string]: HclValue;
}

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  value: HclValue;
}

export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  body: HclItem[];
}

export type HclItem = HclAttribute | HclBlock;

export function attribute(name: string, value: HclValue): HclAttribute {
  return { kind: 'attribute', name, value };
}

export function block(type: string, labels: string[], body: Array<HclItem | undefined>): HclBlock {
  return { kind: 'block', type, labels, body: body.filter((item): item is HclItem => item !== undefined) };
}
