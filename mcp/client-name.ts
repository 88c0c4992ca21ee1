/**
 * The name a client gave in `initialize` (clientInfo.name), as it goes into
 * the audit trail. It is the client's own claim, so it is only a label: kept
 * to a short run of plain characters, and never a reason to trust anything.
 */
export function clientName(info: { name?: string } | undefined): string {
  const cleaned = (info?.name ?? '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return cleaned || 'unknown';
}
