import { z } from 'zod';
import { categories, evidenceSources } from './finding.js';

/** The contract shapes, for readers of a tool outcome's structured content (the CLI, tests). */

export const findingSchema = z.object({
  id: z.string(),
  category: z.enum(categories),
  confidence: z.enum(['confirmed', 'likely', 'suspected']),
  summary: z.string(),
  evidence: z.array(z.object({ source: z.enum(evidenceSources), text: z.string() })),
  contradictedBy: z.array(z.string()),
  fix: z.string(),
  fixAction: z.object({ tool: z.string(), args: z.record(z.string(), z.unknown()) }).optional(),
});

export const guestDiagnosisSchema = z.object({
  vmid: z.number(),
  node: z.string(),
  name: z.string().nullable(),
  status: z.string(),
  findings: z.array(findingSchema),
  reads: z.array(z.string()).default([]),
});

export const problemsReportSchema = z.object({
  nodes: z.array(z.object({ node: z.string(), findings: z.array(findingSchema) })),
  guests: z.array(guestDiagnosisSchema.omit({ reads: true })),
  reads: z.array(z.string()).default([]),
});
