/** Escape codes and controls a hostile string may carry, for the tests of every output path. */
export const hostileTerminalText = [
  '\x1b]52;c;aGFja2VkIGNsaXBib2FyZA==\x07',
  '\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\',
  '\x1b[2J',
  'bell\x07',
  '\u009b2J',
  `\x1b[${'9;'.repeat(4096)}m`,
  'gnp.\u202Eexe',
];

/** All of them in one string, as a hostile field would carry them. */
export const hostileField = `evil${hostileTerminalText.join('')}end`;

/** What a terminal must never receive from outside text: ESC, BEL, other C0 controls but newline and tab, C1, a raw override. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters looked for
export const terminalControls = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
