import { Box } from 'ink';
import type { Line } from '../layout/line.js';
import { LineView } from './LineView.js';

/** A block of pre-laid-out rows: the dialog, the step-limit prompt, the footer. */
export function Panel({ lines, spinnerFrame = '' }: { lines: readonly Line[]; spinnerFrame?: string }) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.map((row, index) => (
        <LineView
          key={index}
          line={row}
          spinnerFrame={row.segments.some((segment) => segment.spinner) ? spinnerFrame : ''}
        />
      ))}
    </Box>
  );
}
