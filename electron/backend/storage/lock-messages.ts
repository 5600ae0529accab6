// What a person is told about locks: who has the workbook, since when, and what happened to a stale lock.
import os from 'node:os';
import path from 'node:path';
import { dateForPeople } from '../../../shared/text/people-format.ts';
import { lastSeen, type HeldLock, type LockOwner } from './file-lock.ts';

/** "02/12/2026 09:41" in this computer's time zone. */
export function whenForPeople(iso: string | number): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${dateForPeople(`${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

function holder(owner: LockOwner): string {
  if (owner.pid === 0) return 'another window or program';
  const where = owner.host === os.hostname() ? 'on this computer' : `on the computer ${owner.host}`;
  return `another window or program (process ${owner.pid} ${where}, since ${whenForPeople(owner.since)})`;
}

export function openElsewhereReason(file: string, owner: LockOwner): string {
  return `"${path.basename(file)}" is open in ${holder(owner)}, so it has been opened read-only. Close it there to make changes here.`;
}

export function lockedTargetMessage(target: string, owner: LockOwner): string {
  return `"${path.basename(target)}" is open in ${holder(owner)}, so it was not replaced. Close it there first, or save under another name.`;
}

export function takenOverNotice(file: string, tookOver: NonNullable<HeldLock['tookOver']>): string {
  const name = `"${path.basename(file)}"`;
  const owner = tookOver.owner;
  if (!owner) return `${name} had a damaged lock file left by a program that stopped, so the lock was taken over and the workbook opened for changes here.`;
  const who = `process ${owner.pid} on ${owner.host === os.hostname() ? 'this computer' : `the computer ${owner.host}`}`;
  const why =
    tookOver.why === 'process-gone'
      ? 'that process has stopped (the app was closed suddenly or crashed)'
      : `it has not been heard from since ${whenForPeople(lastSeen(owner))} (the computer may have crashed, or lost the shared drive)`;
  return `${name} was locked by ${who} since ${whenForPeople(owner.since)}, but ${why}, so the lock was taken over and the workbook opened for changes here.`;
}

export function lockLostReason(file: string, owner: LockOwner | null): string {
  const by = owner ? ` by process ${owner.pid} on ${owner.host === os.hostname() ? 'this computer' : `the computer ${owner.host}`} at ${whenForPeople(owner.since)}` : '';
  return `"${path.basename(file)}" was taken over${by} while this window was not heard from, so changes here can no longer be saved to it. Nothing after that moment was written. Use Save as to keep what you see here in another file.`;
}
