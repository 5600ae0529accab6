// The list of recently used workbook files, kept in the app's data folder. The renderer may only ask to
// reopen a file that is on this list: it never names arbitrary paths for the backend to open.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomically } from '../common/atomic-write.ts';

const maxRecent = 10;

export function recentFiles(dataFolder: string) {
  const file = path.join(dataFolder, 'recent.json');
  const read = (): string[] => {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)) : [];
    } catch {
      return [];
    }
  };
  return {
    list: (): string[] => read().filter((p) => existsSync(p)),
    add: (workbook: string): void => {
      const next = [path.resolve(workbook), ...read().filter((p) => p !== path.resolve(workbook))].slice(0, maxRecent);
      writeFileAtomically(file, JSON.stringify(next, null, 2));
    },
    includes: (workbook: string): boolean => read().includes(path.resolve(workbook)),
  };
}
