export type CheckStatus = 'ok' | 'warn' | 'fail';

/** One line of `proxmox-ai doctor`: what was checked, how it went, and the fix. */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  message: string;
  fix?: string;
}

export const ok = (id: string, message: string): CheckResult => ({ id, status: 'ok', message });
export const warn = (id: string, message: string, fix?: string): CheckResult => ({
  id,
  status: 'warn',
  message,
  ...(fix ? { fix } : {}),
});
export const fail = (id: string, message: string, fix?: string): CheckResult => ({
  id,
  status: 'fail',
  message,
  ...(fix ? { fix } : {}),
});
