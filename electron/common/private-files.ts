// Files that hold an authority's work (workbooks, their locks and backups, exports, the app's own lists)
// are readable by their owner only: 0600 files in 0700 folders where the operating system has such modes.
// Windows ignores these bits (its folders inherit the user's own access rules), so errors there are moot.
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';

export const privateFileMode = 0o600;
export const privateFolderMode = 0o700;

/** Creates an empty file only its owner can read; fails if it already exists. */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', privateFileMode));
  makePrivate(file);
}

/** Narrows an existing file to its owner (the umask can only narrow a mode, never widen it, but a copy may). */
export function makePrivate(file: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(file, privateFileMode);
  } catch {
    // Not ours to change (a colleague's file on a shared drive): leave it as it is.
  }
}

/** Makes a folder (and its parents) for the app's own files; a new folder is its owner's only. */
export function privateFolder(folder: string): string {
  mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  return folder;
}

/** Flushes a file's contents to the disk before it is renamed into place. */
export function flushFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a folder's entries, so a rename inside it survives a power cut (POSIX only). */
export function flushFolder(folder: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(folder, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a folder; the rename itself is still atomic.
  }
}
