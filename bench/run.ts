import type { Figure } from './figure.js';
import { suites } from './suites.js';

/** `npm run bench [-- --full] [-- --json] [-- --only NAME]`: prints every figure (or one suite's), as a table or one JSON document. */
const args = process.argv.slice(2);
const json = args.includes('--json');
const full = args.includes('--full');
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const figures: Record<string, Figure> = {};
for (const suite of suites.filter((candidate) => !only || candidate.name === only)) {
  if (!json) process.stderr.write(`measuring ${suite.name}...\n`);
  Object.assign(figures, await suite.measure({ full }));
}
if (json) {
  process.stdout.write(`${JSON.stringify({ figures }, null, 2)}\n`);
} else {
  for (const [name, figure] of Object.entries(figures)) {
    const { unit, goal, ...numbers } = figure;
    const shown = Object.entries(numbers)
      .map(([key, value]) => `${key}=${value}`)
      .join(' ');
    process.stdout.write(`${name.padEnd(26)} ${shown} ${unit}${goal ? `  (goal ${goal})` : ''}\n`);
  }
}
