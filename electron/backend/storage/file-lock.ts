// A lock file beside an open workbook ("Northshire.dwb.lock"), like the ones office suites leave, so a
// second window or another program opens it read-only instead of both writing. A lock whose process is
// gone (a crash, a killed app) is stale and is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; owner: LockOwner };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

export function acquireLock(file: string, now: () => Date = () => new Date()): LockResult {
  const lockPath = lockPathFor(file);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), since: now().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return {
        ok: true,
        release: () => {
          try {
            const owner = JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
            if (owner.pid === me.pid && owner.host === me.host) rmSync(lockPath, { force: true });
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner: LockOwner | null = null;
      try {
        owner = JSON.parse(readFileSync(lockPath, 'utf8')) as LockOwner;
      } catch {
        owner = null; // unreadable: treat as stale
      }
      // Another machine's lock on a shared drive cannot be checked: respect it.
      if (owner && (owner.host !== me.host || alive(owner.pid))) return { ok: false, owner };
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}.`);
}
