import { readFields } from './xml-fields.js';
import { delimited, literalPattern } from './scan.js';
import type { Payload, Recognizer, Segment } from './segment.js';

interface NameTag {
  /** A global regex whose first group is the name; no nested quantifiers. */
  open: RegExp;
  close: string;
  /** Does the tag itself say "tool call"? A tag that is only a name counts for registered names only. */
  dedicated: boolean;
}

const name = '([A-Za-z_][\\w.-]{0,100})';
const quotedName = `\\s+name\\s*=\\s*["']${name}["']\\s*`;

/**
 * Tags that carry the tool's name, around JSON arguments or parameter tags.
 * The fixtures in test/fixtures/tool-call-forms give the family and source of each.
 */
const nameTags: readonly NameTag[] = [
  { open: new RegExp(`<function=${name}>`, 'g'), close: '</function>', dedicated: true },
  { open: new RegExp(`<invoke${quotedName}>`, 'g'), close: '</invoke>', dedicated: true },
  { open: new RegExp(`<tool_call${quotedName}>`, 'g'), close: '</tool_call>', dedicated: true },
  { open: new RegExp(`<function${quotedName}>`, 'g'), close: '</function>', dedicated: true },
];

/** Name-carrying tags, and tags named after a registered tool (`<vm_status>{...}</vm_status>`). */
export const tagSegments: Recognizer = function* (text, toolNames) {
  if (text.includes('<')) {
    for (const tag of nameTags) yield* taggedCalls(text, tag);
    for (const tool of toolNames) {
      if (!text.includes(`<${tool}>`)) continue;
      yield* taggedCalls(text, {
        open: new RegExp(`<(${literalPattern(tool)})>`, 'g'),
        close: `</${tool}>`,
        dedicated: false,
      });
    }
  }
  if (text.includes('<start_function_call>')) yield* functionGemmaCalls(text);
};

function* taggedCalls(text: string, tag: NameTag): Generator<Segment> {
  for (const found of delimited(text, tag.open, [tag.close])) {
    // An unclosed tag is a call only with arguments after it; a bare name tag must be closed.
    const body = text.slice(found.bodyStart, found.bodyEnd);
    if (!found.closed && (!tag.dedicated || body.trim() === '')) continue;
    yield {
      start: found.start,
      end: found.end,
      dedicated: tag.dedicated,
      payload: argumentsPayload(found.open[1]!, body),
    };
  }
}

/** Parameter tags when the body is made of them, literal arguments otherwise. */
export function argumentsPayload(callName: string, body: string): Exclude<Payload, { kind: 'calls' }> {
  const fields = body.trimStart().startsWith('<') ? readFields(body) : undefined;
  return fields ? { kind: 'fields', name: callName, fields } : { kind: 'named', name: callName, args: body };
}

/**
 * FunctionGemma: `<start_function_call>call:name{vmid:101,node:<escape>pve1<escape>}<end_function_call>`;
 * strings sit between `<escape>` tokens, keys are bare.
 */
function* functionGemmaCalls(text: string): Generator<Segment> {
  for (const found of delimited(text, /<start_function_call>/g, ['<end_function_call>'])) {
    const call = /^\s*call:([A-Za-z_][\w.-]*)\s*(\{[\s\S]*\})\s*$/.exec(text.slice(found.bodyStart, found.bodyEnd));
    if (!call) continue;
    yield {
      start: found.start,
      end: found.end,
      dedicated: true,
      payload: { kind: 'named', name: call[1]!, args: call[2]!.replaceAll('<escape>', '"') },
    };
  }
}
