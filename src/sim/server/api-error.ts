/**
 * A failed API call as pveproxy answers it: the status, the message (also the
 * status line's reason) and, for 400, the per-parameter `errors` map.
 * `bodyless` answers (401, 595) carry the reason in the status line only.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: Record<string, string>,
    readonly bodyless = false,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** 400 with Proxmox's summary line and one message per parameter. */
export function parameterError(errors: Record<string, string>): ApiError {
  return new ApiError(400, 'Parameter verification failed.\n', errors);
}

/** 500: a handler `die`, worded as Proxmox words it (the trailing newline included, as on the wire). */
export function serverError(message: string): ApiError {
  return new ApiError(500, message.endsWith('\n') ? message : `${message}\n`);
}

export function permissionDenied(detail?: string): ApiError {
  return new ApiError(403, detail ? `Permission check failed (${detail})\n` : 'Permission check failed\n');
}

export function unauthorized(reason: string): ApiError {
  return new ApiError(401, reason, undefined, true);
}

export function notImplemented(method: string, path: string): ApiError {
  return new ApiError(501, `Method '${method} ${path}' not implemented`);
}
