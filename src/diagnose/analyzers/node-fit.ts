import type { GuestEvidence } from '../evidence.js';
import { confidenceOf, type Category, type Finding } from '../finding.js';
import { signatureFinding } from '../signature-finding.js';
import { lineEvidence, lines, matchesOf, taskEvidence, type Analyzer, type AnalyzerInput } from './analyzer.js';
import { nodeFitChecks, type Fit, type NodeFitCheck } from './node-fit-checks.js';

/**
 * Every option of a guest config that the node must satisfy, checked against
 * what the node reports: a misfit is confirmed by the facts alone; a log line
 * blaming an option the node satisfies now is contradicted.
 */
export const nodeFitAnalyzer: Analyzer = {
  name: 'node-fit',
  analyze(input) {
    const findings: Finding[] = [];
    const claimed = [];
    for (const item of nodeFitChecks) {
      // Where another analyzer reads the lines of this failure, it speaks for it.
      if (item.said.length === 0 && input.matches.some((match) => match.signature.id === item.id)) continue;
      const said = matchesOf(input, ...item.said);
      const fit = item.check(input.evidence);
      const finding = fitFinding(input, item, fit, said);
      if (finding) findings.push(finding);
      claimed.push(...lines(said));
    }
    return { findings, claimed };
  },
};

/** The categories where the node cannot satisfy the config now. */
export function nodeMisfits(evidence: GuestEvidence): Category[] {
  return nodeFitChecks.flatMap((item) => ((item.check(evidence)?.misfits.length ?? 0) > 0 ? [item.category] : []));
}

function fitFinding(
  input: AnalyzerInput,
  item: NodeFitCheck,
  fit: Fit | undefined,
  said: AnalyzerInput['matches'],
): Finding | undefined {
  const misfit = fit !== undefined && fit.misfits.length > 0;
  if (!misfit && said.length === 0) return undefined;
  const { evidence } = input;
  const contradictedBy = fit && !misfit ? [fit.fits] : [];
  // Without a misfit only the log speaks: the signature's own words, with this guest's values filled in.
  const words = misfit ? fit : signatureFinding(evidence.guest, said);
  return {
    id: item.id,
    category: item.category,
    confidence: confidenceOf(fit?.misfits ?? [], contradictedBy),
    summary: words.summary,
    evidence: [...lineEvidence(said, 2), ...(fit?.misfits ?? []), ...taskEvidence(evidence, said)],
    contradictedBy,
    fix: words.fix,
  };
}
