/** How far back, within the same paragraph, an introduction is looked for. */
const reach = 160;
const introduction =
  /\b(?:for example|for instance|examples?|such as|would look like|looks like|syntax|sample)\b|\be\.g\./i;

/**
 * Is the text at `start` introduced as an example ("a call looks like
 * this:")? A model explaining the syntax is not calling the tool.
 */
export function introducedAsExample(text: string, start: number): boolean {
  const from = Math.max(0, start - reach);
  const before = text.slice(from, start);
  const paragraph = before.lastIndexOf('\n\n');
  return introduction.test(paragraph === -1 ? before : before.slice(paragraph + 2));
}
