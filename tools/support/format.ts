/** Compact text for a small model: aligned columns, short units, counts of what was left out. */

export function table(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  const cells = rows.map((row) => headers.map((_, i) => String(row[i] ?? '-')));
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values.map((value, i) => (i === values.length - 1 ? value : value.padEnd(widths[i]!))).join('  ');
  return [line(headers), ...cells.map(line)].join('\n');
}

export function bytes(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  const units = ['B', 'K', 'M', 'G', 'T', 'P'];
  let size = value;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${size >= 10 || unit === 0 ? Math.round(size) : size.toFixed(1)}${units[unit]}`;
}

export function percent(fraction: number | undefined): string {
  return fraction === undefined || !Number.isFinite(fraction)
    ? '-'
    : `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}

export function duration(seconds: number | undefined): string {
  if (!seconds) return '-';
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  if (days > 0) return `${days}d${hours}h`;
  if (hours > 0) return `${hours}h${minutes}m`;
  return `${minutes}m`;
}

export function isoTime(epochSeconds: number | undefined): string {
  return epochSeconds ? new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z') : '-';
}

export function leftOut(shown: number, total: number, hint: string): string {
  return shown < total ? `\n(${total - shown} more not shown; ${hint})` : '';
}
