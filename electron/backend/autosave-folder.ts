// The autosave folder holds every workbook until the person saves it where they choose; without pruning it
// would grow by a demo or a draft every time one is started. The rule, also in the README: an autosaved
// workbook is deleted once it has not been changed for 30 days and at least 10 autosaved workbooks have
// been changed since. The open workbook, one on the recent list, and one open in another window (its lock
// held) are never deleted.
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { acquireLock } from './storage/file-lock.ts';

export const autosaveKeepNewest = 10;
export const autosaveKeepDays = 30;

const dayMs = 24 * 60 * 60_000;

function lastChanged(file: string): number {
  let latest = statSync(file).mtimeMs;
  try {
    latest = Math.max(latest, statSync(`${file}-wal`).mtimeMs); // changes not yet folded into the file
  } catch {
    // no log: the file's own time is the last change
  }
  return latest;
}

/** Deletes old autosaved workbooks by the rule above; returns the files deleted. */
export function pruneAutosaves(folder: string, options: { keep: readonly string[]; now: Date; extension: string }): string[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((f) => f.endsWith(options.extension));
  } catch {
    return [];
  }
  const keep = new Set(options.keep.map((f) => path.resolve(f)));
  const byAge = names
    .map((name) => path.join(folder, name))
    .flatMap((file) => {
      try {
        return [{ file, changed: lastChanged(file) }];
      } catch {
        return [];
      }
    })
    .sort((a, b) => b.changed - a.changed);
  const removed: string[] = [];
  for (const { file, changed } of byAge.slice(autosaveKeepNewest)) {
    if (keep.has(path.resolve(file)) || options.now.getTime() - changed < autosaveKeepDays * dayMs) continue;
    let lock;
    try {
      lock = acquireLock(file);
    } catch {
      continue;
    }
    if (!lock.ok) continue; // open in another window
    try {
      for (const suffix of ['-wal', '-shm', '-journal', '']) rmSync(`${file}${suffix}`, { force: true });
      removed.push(file);
    } finally {
      lock.lock.release();
    }
  }
  return removed;
}
