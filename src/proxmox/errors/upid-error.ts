import { ExitCode } from '../../shared/exit-codes.js';
import { ProxmoxError } from './proxmox-error.js';

/** A string that is not a Proxmox task id (UPID). */
export class InvalidUpidError extends ProxmoxError {
  constructor(upid: string) {
    super(
      'proxmox.upid',
      `'${upid}' is not a Proxmox task id; a UPID looks like UPID:pve1:0001A2B3:0A4F21C3:69F07A96:qmstart:100:root@pam:`,
      undefined,
      { exitCode: ExitCode.usage },
    );
    this.name = 'InvalidUpidError';
  }
}
