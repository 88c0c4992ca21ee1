/** The characters the UI draws with; the ASCII set is for terminals whose locale is not UTF-8. */
export interface Glyphs {
  spinner: readonly string[];
  prompt: string;
  user: string;
  ok: string;
  failed: string;
  denied: string;
  pending: string;
  expanded: string;
  collapsed: string;
  focus: string;
  branch: string;
  ellipsis: string;
  separator: string;
  arrow: string;
  rule: string;
  bullet: string;
  /** Between table columns. */
  column: string;
  border: {
    topLeft: string;
    topRight: string;
    bottomLeft: string;
    bottomRight: string;
    horizontal: string;
    vertical: string;
  };
}

export const unicodeGlyphs: Glyphs = {
  spinner: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'],
  prompt: '›',
  user: '›',
  ok: '✓',
  failed: '✗',
  denied: '⊘',
  pending: '?',
  expanded: '▾',
  collapsed: '▸',
  focus: '▌',
  branch: '└',
  ellipsis: '…',
  separator: '·',
  arrow: '→',
  rule: '─',
  bullet: '•',
  column: '│',
  border: { topLeft: '╭', topRight: '╮', bottomLeft: '╰', bottomRight: '╯', horizontal: '─', vertical: '│' },
};

export const asciiGlyphs: Glyphs = {
  spinner: ['|', '/', '-', '\\'],
  prompt: '>',
  user: '>',
  ok: '+',
  failed: 'x',
  denied: '!',
  pending: '?',
  expanded: 'v',
  collapsed: '>',
  focus: '|',
  branch: '`',
  ellipsis: '...',
  separator: '|',
  arrow: '->',
  rule: '-',
  bullet: '*',
  column: '|',
  border: { topLeft: '+', topRight: '+', bottomLeft: '+', bottomRight: '+', horizontal: '-', vertical: '|' },
};
