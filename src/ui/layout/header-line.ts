import type { TurnUsage } from '../../core/agent/events.js';
import type { HeaderInfo } from '../backend.js';
import type { Glyphs } from '../glyphs.js';
import { sanitizeText } from '../text/sanitize.js';
import { line, span, type Line, type Segment } from './line.js';

/** "proxmox-ai · demo/homelab · 2 nodes · qwen3:8b · ctx 3% of 40k · policy normal" */
export function headerLine(info: HeaderInfo, usage: TurnUsage | null, glyphs: Glyphs): Line {
  const sep = span(` ${glyphs.separator} `, 'dim');
  const where = info.cluster ? `${info.profile}/${info.cluster}` : info.profile;
  const contextLength = usage?.contextLength ?? info.contextLength;
  const percent = contextLength > 0 ? Math.round((100 * (usage?.contextUsed ?? 0)) / contextLength) : 0;
  if (info.connecting) {
    const profile = where ? [span(sanitizeText(where), 'user'), sep] : [];
    return line(span('proxmox-ai', 'heading'), sep, ...profile, span('connecting...', 'dim'));
  }
  const parts: Segment[] = [
    span(sanitizeText(where), 'user'),
    span(`${info.nodeCount} node${info.nodeCount === 1 ? '' : 's'}`),
    span(info.model ? sanitizeText(info.model) : 'no model', info.model ? 'plain' : 'warning'),
    contextLength > 0
      ? span(
          `ctx ${percent}% of ${contextLength >= 1024 ? `${Math.round(contextLength / 1024)}k` : contextLength}`,
          percent >= 85 ? 'warning' : 'dim',
        )
      : span('ctx -', 'dim'),
    span(`policy ${info.policyMode}`, info.policyMode === 'read-only' ? 'warning' : 'dim'),
  ];
  return line(span('proxmox-ai', 'heading'), ...parts.flatMap((part) => [sep, part]));
}
