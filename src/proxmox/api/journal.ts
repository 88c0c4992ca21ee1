/** Journal lines with the cursors Proxmox's journal reader puts first and last. */
export interface JournalPage {
  lines: string[];
  startCursor: string | undefined;
  endCursor: string | undefined;
}

// A systemd journal cursor: `s=<seqnum id>;i=<seqnum>;b=<boot id>;m=...;t=...;x=...`.
const cursorPattern = /^s=[0-9a-f]+;i=[0-9a-f]+;b=[0-9a-f]+;/;

export function splitJournal(items: string[]): JournalPage {
  const first = items[0];
  const last = items.length > 1 ? items.at(-1) : undefined;
  const startCursor = first !== undefined && cursorPattern.test(first) ? first : undefined;
  const endCursor = last !== undefined && cursorPattern.test(last) ? last : undefined;
  return { lines: items.slice(startCursor ? 1 : 0, endCursor ? -1 : undefined), startCursor, endCursor };
}
