import type { TurnUsage } from '../../core/agent/events.js';
import type { HeaderInfo } from '../backend.js';
import type { Glyphs } from '../glyphs.js';
import { sanitizeText } from '../text/sanitize.js';
import { cellWidth } from '../text/cell-width.js';
import { line, span, type Line, type Segment } from './line.js';

const lineWidth = (row: Line) => row.segments.reduce((sum, segment) => sum + cellWidth(segment.text), 0);

/**
 * "proxmox-ai · demo/homelab · 2 nodes · qwen3:8b · ctx 3% of 40k · policy normal".
 * When it does not fit `width`, the node count goes first, then the context
 * use; the profile, the model and the policy mode always stay.
 */
export function headerLine(info: HeaderInfo, usage: TurnUsage | null, glyphs: Glyphs, width = Infinity): Line {
  const sep = span(` ${glyphs.separator} `, 'dim');
  const where = info.cluster ? `${info.profile}/${info.cluster}` : info.profile;
  const contextLength = usage?.contextLength ?? info.contextLength;
  const percent = contextLength > 0 ? Math.round((100 * (usage?.contextUsed ?? 0)) / contextLength) : 0;
  if (info.connecting) {
    const profile = where ? [span(sanitizeText(where), 'user'), sep] : [];
    return line(span('proxmox-ai', 'heading'), sep, ...profile, span('connecting...', 'dim'));
  }
  const nodes = span(`${info.nodeCount} node${info.nodeCount === 1 ? '' : 's'}`);
  const context =
    contextLength > 0
      ? span(
          `ctx ${percent}% of ${contextLength >= 1024 ? `${Math.round(contextLength / 1024)}k` : contextLength}`,
          percent >= 85 ? 'warning' : 'dim',
        )
      : span('ctx -', 'dim');
  const all: Segment[] = [
    span(sanitizeText(where), 'user'),
    nodes,
    span(info.model ? sanitizeText(info.model) : 'no model', info.model ? 'plain' : 'warning'),
    context,
    span(`policy ${info.policyMode}`, info.policyMode === 'read-only' ? 'warning' : 'dim'),
  ];
  const build = (parts: Segment[]) => line(span('proxmox-ai', 'heading'), ...parts.flatMap((part) => [sep, part]));
  for (const dropped of [[], [nodes], [nodes, context]]) {
    const candidate = build(all.filter((part) => !dropped.includes(part)));
    if (lineWidth(candidate) <= width) return candidate;
  }
  return build(all.filter((part) => part !== nodes && part !== context));
}
