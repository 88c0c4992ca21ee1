/**
 * Tool output as a person reads it. The data fence around outside text tells
 * the model that the lines are data; a person sees the lines themselves, so
 * the marker lines go. Inside a fence every `<<<` is defused, so a line that
 * opens with `<<<DATA` or `<<<END DATA` is always a marker.
 */
export function dataForPeople(text: string): string {
  if (!text.includes('<<<')) return text;
  return text
    .split('\n')
    .filter((row) => !/^<<<(?:DATA\b|END DATA\b).*>>>$/.test(row))
    .join('\n');
}
