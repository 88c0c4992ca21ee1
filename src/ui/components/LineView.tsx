import { Text } from 'ink';
import { memo } from 'react';
import type { Line } from '../layout/line.js';
import { toneStyle } from '../theme.js';
import { useUi } from '../ui-context.js';

interface Props {
  line: Line;
  /** Drawn in the first column: the focus mark, a border, or a space. */
  gutter?: string;
  spinnerFrame?: string;
}

/** One terminal row; never wraps (rows are wrapped before they get here), so the frame height is exact. */
function LineViewImpl({ line, gutter = '', spinnerFrame = '' }: Props) {
  const { color } = useUi();
  if (line.segments.length === 0) return <Text>{gutter === '' ? ' ' : gutter}</Text>;
  return (
    <Text wrap="truncate-end">
      {gutter}
      {line.segments.map((segment, index) => (
        <Text key={index} {...toneStyle(segment.tone, color)}>
          {segment.spinner ? spinnerFrame : segment.text}
        </Text>
      ))}
    </Text>
  );
}

export const LineView = memo(LineViewImpl);
