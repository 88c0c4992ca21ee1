import fs from 'node:fs';
import path from 'node:path';

/** The first executable file called `name` in the PATH directories, as an absolute path. */
export function findOnPath(name: string, pathVariable: string | undefined): string | undefined {
  for (const dir of (pathVariable ?? '').split(path.delimiter)) {
    // Safety: a relative PATH entry (or an empty one, meaning ".") would run whatever sits in the working directory.
    if (!dir || !path.isAbsolute(dir)) continue;
    const candidate = path.join(dir, name);
    try {
      const stat = fs.statSync(candidate);
      if (stat.isFile()) {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      }
    } catch {
      // Not here; try the next directory.
    }
  }
  return undefined;
}
