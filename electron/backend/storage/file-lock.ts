// A lock file beside an open workbook ("Northshire.dwb.lock"), like the ones office suites leave, so a
// second window, another program or a colleague on a shared drive opens it read-only instead of both writing.
// The lock names the computer, the process and when it was taken, and the holder refreshes it every few
// minutes while the workbook is open. A lock is stale, and may be taken over (saying so), when its process
// is gone on this computer, or, from another computer, when it has not been refreshed for an hour (a
// computer that crashed or lost its connection to the shared drive). The holder checks the lock is still its own before every write, so
// a computer that wakes after its lock was taken over stops writing instead of fighting for the file.
import { randomUUID } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { privateFileMode } from '../../common/private-files.ts';

export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken (ISO). */
  since: string;
  /** When the holder last said it is still there (ISO); absent in locks from earlier versions. */
  refreshed?: string;
  /** Tells two locks apart when a process number is reused. */
  id?: string;
}

export type StaleWhy = 'process-gone' | 'not-refreshed' | 'unreadable';

export interface HeldLock {
  readonly owner: LockOwner;
  /** The lock this one replaced, and why it was stale; null when there was none. */
  readonly tookOver: { owner: LockOwner | null; why: StaleWhy } | null;
  /** True while the lock file still names this holder. */
  stillOurs(): boolean;
  /** Says "still here"; false when the lock is no longer this holder's. */
  refresh(): boolean;
  release(): void;
}

export type LockResult = { ok: true; lock: HeldLock } | { ok: false; owner: LockOwner };

/** How often a holder refreshes its lock. */
export const lockRefreshMs = 5 * 60_000;
/** A lock not refreshed for this long is stale: its holder would have refreshed it twelve times. */
export const staleLockAgeMs = 60 * 60_000;
/** A lock written by an earlier version, which never refreshed its locks, is stale after a day. */
export const unrefreshedLockAgeMs = 24 * 60 * 60_000;

/** The lock file cannot be written: the folder (or the drive) is read-only to this person. */
export class LockNotWritableError extends Error {
  readonly code: string;
  constructor(code: string, lockPath: string) {
    super(`Cannot write ${path.basename(lockPath)} (${code}).`);
    this.name = 'LockNotWritableError';
    this.code = code;
  }
}

const notWritableCodes = new Set(['EACCES', 'EPERM', 'EROFS']);

// A lock naming this process number but taken before this process started was left by an earlier run (a
// restarted container or computer reuses numbers), so it is stale; one taken since is held by this process
// (another thread or window of it), so it is respected.
const processStartedAt = Date.now() - process.uptime() * 1000;

/** Whether a process with this number runs on this computer. */
export function processAlive(pid: number): boolean {
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

function parseOwner(text: string): LockOwner | null {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    if (typeof o.pid !== 'number' || typeof o.host !== 'string' || typeof o.since !== 'string' || Number.isNaN(Date.parse(o.since))) return null;
    return { pid: o.pid, host: o.host, since: o.since, ...(typeof o.refreshed === 'string' ? { refreshed: o.refreshed } : {}), ...(typeof o.id === 'string' ? { id: o.id } : {}) };
  } catch {
    return null;
  }
}

function ownerAt(lockPath: string): LockOwner | null {
  try {
    return parseOwner(readFileSync(lockPath, 'utf8'));
  } catch {
    return null;
  }
}

/** Who holds the lock on a workbook file, if anyone readable does. */
export function readLockOwner(file: string): LockOwner | null {
  return ownerAt(lockPathFor(file));
}

/** When the holder last showed it was there. */
export function lastSeen(owner: LockOwner): number {
  const refreshed = owner.refreshed ? Date.parse(owner.refreshed) : NaN;
  return Number.isNaN(refreshed) ? Date.parse(owner.since) : refreshed;
}

function staleness(owner: LockOwner, lockPath: string, nowMs: number): StaleWhy | null {
  // On this computer the process can be asked about directly.
  if (owner.host === os.hostname()) {
    if (owner.pid === process.pid) return Date.parse(owner.since) < processStartedAt - 1000 ? 'process-gone' : null;
    return processAlive(owner.pid) ? null : 'process-gone';
  }
  // Another computer's lock: only its age tells. Locks from versions that did not refresh them are given a day.
  const limit = owner.refreshed ? staleLockAgeMs : unrefreshedLockAgeMs;
  return nowMs - lastSeen(owner) > limit ? 'not-refreshed' : null;
}

// The lock's contents appear all at once: written to a private temporary file, then linked into place,
// which fails if a lock is already there. Where links are not supported (some network drives), an
// exclusive create and a write.
function createLockFile(lockPath: string, content: string): boolean {
  const temporary = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    writeFileSync(temporary, content, { mode: privateFileMode, flag: 'wx' });
    try {
      linkSync(temporary, lockPath);
      return true;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
    }
    try {
      const fd = openSync(lockPath, 'wx', privateFileMode);
      writeSync(fd, content);
      closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (notWritableCodes.has(code)) throw new LockNotWritableError(code, lockPath);
    throw err;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Reads the lock there now; an unreadable one is given a moment in case its writer is still writing. */
function currentOwner(lockPath: string): { owner: LockOwner | null; exists: boolean; youngMs: number } {
  for (let attempt = 0; ; attempt++) {
    let text: string;
    let modified: number;
    try {
      text = readFileSync(lockPath, 'utf8');
      modified = statSync(lockPath).mtimeMs;
    } catch {
      return { owner: null, exists: false, youngMs: 0 };
    }
    const owner = parseOwner(text);
    if (owner || attempt >= 4) return { owner, exists: true, youngMs: Date.now() - modified };
    sleep(50);
  }
}

export function acquireLock(file: string, now: () => Date = () => new Date()): LockResult {
  const lockPath = lockPathFor(file);
  const taken = now().toISOString();
  const me: LockOwner = { pid: process.pid, host: os.hostname(), since: taken, refreshed: taken, id: randomUUID() };
  let tookOver: HeldLock['tookOver'] = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createLockFile(lockPath, JSON.stringify(me))) {
      return { ok: true, lock: heldLock(lockPath, me, tookOver, now) };
    }
    const { owner, exists, youngMs } = currentOwner(lockPath);
    if (!exists) continue; // released meanwhile: try again
    let why: StaleWhy | null;
    if (owner) why = staleness(owner, lockPath, now().getTime());
    else why = youngMs > 10_000 ? 'unreadable' : null;
    if (why === null) return { ok: false, owner: owner ?? { pid: 0, host: 'another computer', since: new Date(Date.now() - youngMs).toISOString() } };
    // Move the stale lock aside rather than deleting it, so that of two windows taking over at once only
    // one succeeds; the other finds the winner's lock and opens read-only.
    const aside = `${lockPath}.${process.pid}.${randomUUID().slice(0, 8)}.stale`;
    try {
      renameSync(lockPath, aside);
      rmSync(aside, { force: true });
    } catch {
      continue;
    }
    tookOver = { owner, why };
  }
  throw new Error(`The workbook could not be opened for changes: another window kept taking its lock file (${lockPath}). Close the other window, or try again in a moment.`);
}

function heldLock(lockPath: string, me: LockOwner, tookOver: HeldLock['tookOver'], now: () => Date): HeldLock {
  let owner = me;
  const stillOurs = () => {
    const there = ownerAt(lockPath);
    return there !== null && there.id === me.id && there.pid === me.pid && there.host === me.host;
  };
  return {
    get owner() {
      return owner;
    },
    tookOver,
    stillOurs,
    refresh: () => {
      if (!stillOurs()) return false;
      const next = { ...owner, refreshed: now().toISOString() };
      const temporary = `${lockPath}.${process.pid}.refresh.tmp`;
      try {
        writeFileSync(temporary, JSON.stringify(next), { mode: privateFileMode });
        renameSync(temporary, lockPath);
        owner = next;
        return true;
      } catch {
        rmSync(temporary, { force: true });
        return stillOurs(); // could not refresh (a drive gone for a moment): still ours if nobody took it
      }
    },
    release: () => {
      if (stillOurs()) rmSync(lockPath, { force: true });
    },
  };
}
