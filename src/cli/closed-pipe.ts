/**
 * `proxmox-ai --help | head`: once the reader has what it wants and closes
 * the pipe, further writes fail with EPIPE. Like other command-line tools,
 * the program then ends at once and quietly instead of printing a stack trace.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => never): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') exit(0);
    throw error;
  });
}
