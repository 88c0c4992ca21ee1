import type { BenchSuite } from './figure.js';
import { agentFigures } from './figures/agent.js';
import { auditAppend } from './figures/audit.js';
import { auditForward } from './figures/audit-forward.js';
import { coldStart } from './figures/cold-start.js';
import { diagnoseBench } from './figures/diagnose.js';
import { generalisationBench } from './figures/generalisation.js';
import { mcpFigures } from './figures/mcp.js';
import { redactFigures } from './figures/redact.js';
import { simulatorFigures } from './figures/simulator.js';
import { toolFigures } from './figures/tools.js';
import { tuiFigures } from './figures/tui.js';

/** Every benchmark; each one runs in quick mode too. Add new suites here. */
export const suites: BenchSuite[] = [
  coldStart,
  toolFigures,
  agentFigures,
  auditAppend,
  redactFigures,
  auditForward,
  simulatorFigures,
  mcpFigures,
  diagnoseBench,
  generalisationBench,
  tuiFigures,
];
