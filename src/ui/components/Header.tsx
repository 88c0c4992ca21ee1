import type { TurnUsage } from '../../core/agent/events.js';
import type { HeaderInfo } from '../backend.js';
import { headerLine } from '../layout/header-line.js';
import { useUi } from '../ui-context.js';
import { LineView } from './LineView.js';

interface Props {
  info: HeaderInfo;
  usage: TurnUsage | null;
  width: number;
}

export function Header({ info, usage, width }: Props) {
  const { glyphs } = useUi();
  return <LineView line={headerLine(info, usage, glyphs, width)} />;
}
