// An Excel workbook (.xlsx, .xlsm) read straight from its bytes, one sheet at a time, each sheet scanned as
// it is unpacked. Every part of the archive is checked against its checksum, so a damaged file is refused
// whole rather than read in part. A sheet that holds no list need only be read as far as its header rows.
import type { Cell } from '../cells.ts';
import { maxPartBytes, maxWorkbookBytes, megabytes } from './read-limits.ts';
import { SheetScanner } from './sheet-scanner.ts';
import { findWorkbookPart, readWorkbookParts } from './workbook-parts.ts';
import { ArchiveFault, sheetTooLargeMessage } from './workbook-read-error.ts';
import { unpackEntry, type HostInflate, type ZipArchive, type ZipEntry } from './zip-archive.ts';

export interface SheetRows {
  sheet: string;
  /** rows[i] is spreadsheet row firstRow + i (1-based, as Excel shows it); column A is index 0. */
  firstRow: number;
  rows: Cell[][];
  /** Only the first rows were read, and the sheet has cells below them. */
  more?: boolean;
  /** Why this sheet was not read, in words for the person importing it. */
  refused?: string;
}

export interface SheetReading {
  /** How many rows to read first, from the sheet's first row. */
  headRows: number;
  /** Given a sheet's first rows, whether to read it all (false: the first rows are enough). */
  readWhole: (sheet: string, head: readonly (readonly Cell[])[]) => boolean;
}

/** Null when the archive holds no Excel workbook XML (an .xlsb or .ods is read elsewhere). `host`: a faster inflater, where there is one. */
export function readXlsx(archive: ZipArchive, bytes: Uint8Array, file: string, reading?: SheetReading, host?: HostInflate): SheetRows[] | null {
  const read = new Set<ZipEntry>();
  const workbookPart = findWorkbookPart(archive, bytes, read);
  if (workbookPart === null) return null;
  const parts = readWorkbookParts(archive, bytes, workbookPart, read, host);
  const context = { sharedStrings: parts.sharedStrings, dateStyles: parts.dateStyles, date1904: parts.date1904 };

  const tooLarge = new Set(parts.sheets.flatMap((s) => (s.entry && s.entry.size > maxPartBytes ? [s.entry] : [])));
  const toCheck = archive.entries.filter((e) => !tooLarge.has(e) && e.size <= maxPartBytes);
  if (toCheck.reduce((sum, e) => sum + e.size, 0) > maxWorkbookBytes) throw new ArchiveFault('too-large', `more than ${maxWorkbookBytes} bytes in all`);

  const sheets: SheetRows[] = [];
  for (const sheet of parts.sheets) {
    const entry = sheet.entry;
    if (!entry) {
      sheets.push({ sheet: sheet.name, firstRow: 1, rows: [] });
      continue;
    }
    if (tooLarge.has(entry)) {
      sheets.push({ sheet: sheet.name, firstRow: 1, rows: [], refused: sheetTooLargeMessage(file, sheet.name, megabytes(maxPartBytes)) });
      continue;
    }
    read.add(entry);
    sheets.push(scanSheet(bytes, entry, sheet.name, context, reading, host));
  }
  // The parts not read still have to be whole: a damaged file is refused, not read in part.
  for (const entry of toCheck) if (!read.has(entry)) unpackEntry(bytes, entry, () => false, undefined, host);
  return sheets;
}

function scanSheet(bytes: Uint8Array, entry: ZipEntry, name: string, context: Omit<ConstructorParameters<typeof SheetScanner>[0], 'part'>, reading?: SheetReading, host?: HostInflate): SheetRows {
  const scanner = new SheetScanner({ ...context, part: entry.name }, reading ? reading.headRows : null);
  let decided = !reading;
  unpackEntry(bytes, entry, (chunk) => {
    scanner.push(chunk);
    if (scanner.more && !decided) {
      decided = true;
      if (reading!.readWhole(name, scanner.grid().rows)) {
        scanner.readOn();
      }
    }
    return !scanner.done;
  }, undefined, host);
  const grid = scanner.grid();
  return scanner.more ? { sheet: name, ...grid, more: true } : { sheet: name, ...grid };
}
