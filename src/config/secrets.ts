import fs from 'node:fs';
import { ConfigError } from '../shared/errors.js';
import { writePrivateFile } from './private-files.js';
import { SecretsSchema, type Secrets } from './schema.js';

/** secrets.json: token secrets and passwords, never in config.json; always 0600. */
export class SecretsFile {
  constructor(readonly file: string) {}

  read(): Secrets {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw new ConfigError(`${this.file} is not valid JSON; fix or delete it`, 'config.bad-file');
    }
    const parsed = SecretsSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ConfigError(`${this.file}: ${issue?.path.join('.')} ${issue?.message}`, 'config.bad-file');
    }
    return parsed.data;
  }

  write(secrets: Secrets): void {
    writePrivateFile(this.file, `${JSON.stringify(secrets, null, 2)}\n`);
  }
}
