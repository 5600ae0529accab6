// Write to a temporary file beside the target, flush it, then rename over the target: a reader sees the
// old file or the new one, never half of one, and a failure leaves no partial file behind.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export function writeFileAtomically(target: string, data: string | Uint8Array): void {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'wx', 0o600);
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, target);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    throw err;
  }
}
