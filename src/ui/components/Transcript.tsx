import { Box } from 'ink';
import type { ViewportRow } from '../layout/viewport.js';
import { useUi } from '../ui-context.js';
import { LineView } from './LineView.js';

interface Props {
  rows: readonly ViewportRow[];
  height: number;
  focusKey: string | null;
  spinnerFrame: string;
}

/** The visible slice of the transcript; the focused tool card carries a mark in the gutter. */
export function Transcript({ rows, height, focusKey, spinnerFrame }: Props) {
  const { glyphs } = useUi();
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((row) => (
        <LineView
          key={row.rowKey}
          line={row.line}
          gutter={row.entryKey === focusKey ? glyphs.focus : ' '}
          spinnerFrame={row.line.segments.some((s) => s.spinner) ? spinnerFrame : ''}
        />
      ))}
    </Box>
  );
}
