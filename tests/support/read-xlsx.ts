// Reading exported workbooks back as a user's Excel would: SheetJS for cells and formats.
import { read, type WorkBook } from '@e965/xlsx';

export function readWorkbook(bytes: Uint8Array): WorkBook {
  return read(bytes, { type: 'array', cellFormula: true, cellNF: true, cellDates: false });
}
