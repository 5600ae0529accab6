// Where the browser version saves files (a browser tab cannot show a save dialog for the local backend):
// "workbooks" and "exports" folders in the app's data folder, never overwriting an earlier file.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { privateFolder } from './private-files.ts';

export function savePathChooser(dataFolder: string) {
  return async (suggestedName: string, kind: 'workbook' | 'excel'): Promise<string> => {
    const folder = path.join(dataFolder, kind === 'excel' ? 'exports' : 'workbooks');
    privateFolder(folder);
    const ext = path.extname(suggestedName);
    const stem = path.basename(suggestedName, ext);
    for (let n = 1; ; n++) {
      const candidate = path.join(folder, n === 1 ? suggestedName : `${stem} (${n})${ext}`);
      if (!existsSync(candidate)) return candidate;
    }
  };
}
