import fs from 'node:fs';
import path from 'node:path';

/** Creates `dir` (and parents) and makes sure only its owner can enter it. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Safety: an existing directory may have been created with a looser umask.
  if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
}

/**
 * Writes a file that may hold secrets: created 0600 from the first byte,
 * flushed, then renamed over the old one so a crash never leaves half a file.
 */
export function writePrivateFile(file: string, data: string): void {
  ensurePrivateDir(path.dirname(file));
  const temp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o600);
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, file);
}

/** True when group or others may read or write the file or directory. */
export function isExposed(file: string): boolean {
  return (fs.statSync(file).mode & 0o077) !== 0;
}
