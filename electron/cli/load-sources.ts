// Files named on the command line to import sources. Workbooks are each their own extract; CSV and TSV
// files (one list each) together make one extract. With --extract-date every input is one extract of
// that date.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceKindForFile, type ImportSource } from '../../shared/import/import-lists.ts';

export function loadSources(files: readonly string[], extractDate: string | null): ImportSource[] {
  return files.map((file): ImportSource => {
    const name = path.basename(file);
    const bytes = new Uint8Array(readFileSync(file));
    const kind = sourceKindForFile(name);
    const extract = extractDate ? 'Extract given on the command line' : kind === 'workbook' ? name : 'CSV lists';
    return { kind, name, bytes, extract, ...(extractDate ? { extractDate } : {}) };
  });
}
