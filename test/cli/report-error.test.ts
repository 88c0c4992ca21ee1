import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { reportError } from '../../src/cli/report-error.js';
import { AppError, ConfigError, UsageError } from '../../src/shared/errors.js';
import { ExitCode } from '../../src/shared/exit-codes.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const text = (stream: PassThrough) => (stream.read() as Buffer | null)?.toString() ?? '';
  return { io: { stdout, stderr }, out: () => text(stdout), err: () => text(stderr) };
}

describe('reportError', () => {
  it.each([
    [new UsageError('unknown command'), ExitCode.usage],
    [new ConfigError('bad key'), ExitCode.usage],
    [new AppError('audit.broken', 'record 4 edited', ExitCode.auditVerifyFailed), ExitCode.auditVerifyFailed],
    [new AppError('policy.denied', 'denied', ExitCode.denied), ExitCode.denied],
    [new Error('boom'), ExitCode.runtime],
  ])('maps %s to its exit code', (error, code) => {
    const { io } = capture();
    expect(reportError(error, io, { json: false, debug: false })).toBe(code);
  });

  it('prints one line and no stack for a user mistake', () => {
    const { io, err, out } = capture();
    reportError(new ConfigError("unknown config key 'ai.modle'; did you mean 'ai.model'?"), io, {
      json: false,
      debug: false,
    });
    expect(err()).toBe("proxmox-ai: unknown config key 'ai.modle'; did you mean 'ai.model'?\n");
    expect(out()).toBe('');
  });

  it('prints the JSON error document on stdout with --json', () => {
    const { io, out } = capture();
    reportError(new ConfigError('bad value', 'config.bad-value'), io, { json: true, debug: false });
    expect(JSON.parse(out())).toEqual({ error: { code: 'config.bad-value', message: 'bad value' } });
  });

  it('shows the stack only with --debug', () => {
    const quiet = capture();
    reportError(new Error('boom'), quiet.io, { json: false, debug: false });
    expect(quiet.err()).toBe('proxmox-ai: unexpected error: boom (run again with --debug for details)\n');
    const loud = capture();
    reportError(new Error('boom'), loud.io, { json: false, debug: true });
    expect(loud.err()).toMatch(/at .*report-error\.test\.ts/);
  });
});
