// SSDA903 paths (named on the command line, or chosen in the desktop app's dialog) to files for the import:
// a folder is read with its subfolders (one a year), a zip or a CSV is read as it is. Paths keep the
// folder's own name, so messages say "returns/2024/episodes.csv".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Ssda903File } from '../../shared/import/ssda903/import-ssda903.ts';

function walk(dir: string, shown: string, out: Ssda903File[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const label = `${shown}/${name}`;
    if (statSync(full).isDirectory()) walk(full, label, out);
    else out.push({ path: label, bytes: new Uint8Array(readFileSync(full)) });
  }
}

export function loadSsda903Files(paths: readonly string[]): Ssda903File[] {
  const out: Ssda903File[] = [];
  for (const p of paths) {
    const shown = p.split(path.sep).join('/').replace(/\/+$/, '');
    if (statSync(p).isDirectory()) walk(p, shown, out);
    else out.push({ path: shown, bytes: new Uint8Array(readFileSync(p)) });
  }
  return out;
}
