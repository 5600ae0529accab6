// Where the browser version saves exports (a browser tab cannot show a save dialog for the local
// backend): an "exports" folder in the app's data folder, never overwriting an earlier export.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export function exportPathChooser(dataFolder: string) {
  return async (suggestedName: string): Promise<string> => {
    const folder = path.join(dataFolder, 'exports');
    mkdirSync(folder, { recursive: true });
    const ext = path.extname(suggestedName);
    const stem = path.basename(suggestedName, ext);
    for (let n = 1; ; n++) {
      const candidate = path.join(folder, n === 1 ? suggestedName : `${stem} (${n})${ext}`);
      if (!existsSync(candidate)) return candidate;
    }
  };
}
