// Scans a worksheet's XML as it is unpacked, straight into rows of cells, without building a tree. The
// bytes arrive in slices; whole rows are taken as soon as they are complete. Values are those Excel
// shows: shared and inline strings, numbers, booleans, errors, and a formula's last calculated value.
//
// Rows are read from the bytes themselves: the markup is ASCII, and the usual cell, <c r="B3" s="1" t="s">
// <v>12</v></c>, is read in one pass without making a string. A row written any other way (namespace
// prefixes, inline text, formulas, odd spacing) is decoded to text and read by the general reader below.
import type { Cell } from '../cells.ts';
import { maxColumns, maxRows } from './read-limits.ts';
import { ArchiveFault } from './workbook-read-error.ts';
import { asciiBytes, bytesAt, ByteTextInterner, findMarkup, latin1Text, noBytes, unescaped, utf8Text } from './xml-bytes.ts';
import { stringItemText, tagAttribute } from './xml-text.ts';
import { utf8Bytes } from '../../text/utf8.ts';

export interface SheetContext {
  part: string;
  sharedStrings: readonly (string | null)[];
  /** For each cell style index, whether it shows numbers as dates. */
  dateStyles: readonly boolean[];
  /** The 1904 date system: date serials count from 1 January 1904. */
  date1904: boolean;
}

/** Rows no real row comes near: a longer one is a damaged or hostile file. */
const maxRowText = 32 * 1024 * 1024;
/** Days between the 1900 and 1904 systems' day zero: a 1904 serial plus this is the same day in 1900 terms. */
const days1904 = 1462;
const emptyRow: Cell[] = [];

const isNameEnd = (code: number) => code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;

/** A cell reference ("AB12", "$A$1", any case) as a 0-based column and a 1-based row (0: none). */
function columnIndex(ref: string): { column: number; row: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 32; // folds upper to lower case
    if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else if (code !== 36) break;
  }
  let row = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 48 && code <= 57) row = row * 10 + (code - 48);
    else if (code !== 36) break; // $A$1
  }
  return { column: column - 1, row };
}

// An ISO date in a t="d" cell (some writers use them) as the Excel serial of the 1900 system.
function serialFromIso(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), 0) + Math.round(+(m[6] ?? 0) * 1000);
  return ms / 86_400_000 + 25_569;
}

/** What a row read from the bytes came to, when it is not the position after its end. */
const incomplete = -1; // the data ends inside the row: wait for more
const general = -2; // written in a way only the general reader reads
const stopped = -3; // below the first rows, which are all that was asked for

export class SheetScanner {
  /** Bytes not yet used (the start of a row whose end has not arrived, or the part before the rows) are
   * the first `pendingLength` of this buffer, which grows by doubling: a long row arriving in many slices
   * is copied a few times, not once per slice. */
  private pending: Uint8Array = noBytes;
  private pendingLength = 0;
  /** How many bytes of the pending row are known to hold no end of row (0: none known). */
  private rowSearched = 0;
  private started = false;
  private rowOpen = asciiBytes('<row');
  private rowClose = asciiBytes('</row>');
  private sheetDataClose = asciiBytes('</sheetData');
  private cellOpen = '<c';
  private cellClose = '</c>';
  private valueOpen = '<v';
  private valueClose = '</v>';
  private inlineOpen = '<is';
  private inlineClose = '</is>';
  /** Whether the sheet's elements carry no namespace prefix (<c>, not <x:c>), as nearly every writer's do. */
  private plain = true;
  private dimensionRow: number | null = null;
  /** Rows by their number, 1-based. */
  private readonly byRow: Cell[][] = [];
  private firstCellRow = 0;
  private lastCellRow = 0;
  private currentRow = 0;
  /** The row cells are being put in, and its number. */
  private openRow: Cell[] = emptyRow;
  private openRowNumber = 0;
  /** Where the next <v> is in the text being read by the general reader (-2: not yet searched, -1: none). */
  private nextValue = -2;
  private readonly interner = new ByteTextInterner();
  /** True once the sheet's data has ended, or enough rows were read. */
  done = false;
  /** True when cells were seen below the rows read (only when reading the first rows alone). */
  more = false;

  constructor(
    private readonly context: SheetContext,
    /** Stop after this many rows from the first (null: read every row). */
    private headRows: number | null,
  ) {}

  /** Reads on to the end of the sheet after the first rows were read. */
  readOn(): void {
    this.headRows = null;
    this.more = false;
    if (!this.started || !this.done) return;
    this.done = false;
    const b = this.pending.subarray(0, this.pendingLength);
    this.keepFrom(b, this.scanRows(b, 0));
  }

  push(slice: Uint8Array): void {
    if (this.done) return;
    let b = slice;
    if (this.pendingLength > 0) {
      this.reserve(this.pendingLength + slice.length);
      this.pending.set(slice, this.pendingLength);
      this.pendingLength += slice.length;
      b = this.pending.subarray(0, this.pendingLength);
    }
    let from = 0;
    if (!this.started) {
      from = this.findSheetData(b);
      if (from < 0) {
        if (b.length > maxRowText) throw new ArchiveFault('damaged', 'no sheetData', this.context.part);
        this.keepFrom(b, 0);
        return;
      }
      if (this.done) return;
    }
    this.keepFrom(b, this.scanRows(b, from));
    if (!this.done && this.pendingLength > maxRowText) throw new ArchiveFault('too-large', `a row of ${this.pendingLength} bytes`, this.context.part);
  }

  /** The rows read: rows[i] is row firstRow + i; column A is index 0. */
  grid(): { firstRow: number; rows: Cell[][] } {
    if (this.lastCellRow === 0) return { firstRow: this.dimensionRow ?? 1, rows: [] };
    const firstRow = Math.min(this.dimensionRow ?? this.firstCellRow, this.firstCellRow);
    const rows: Cell[][] = new Array(this.lastCellRow - firstRow + 1);
    for (let r = firstRow; r <= this.lastCellRow; r++) rows[r - firstRow] = this.byRow[r] ?? emptyRow;
    return { firstRow, rows };
  }

  // The bytes from `consumed` on are kept for the next slice (copied: the slice's buffer may be reused).
  private keepFrom(b: Uint8Array, consumed: number): void {
    const rest = b.length - consumed;
    if (rest <= 0) this.pendingLength = 0;
    else if (b.buffer === this.pending.buffer && b.byteOffset === this.pending.byteOffset) {
      if (consumed > 0) this.pending.copyWithin(0, consumed, b.length);
      this.pendingLength = rest;
    } else {
      this.pendingLength = 0;
      this.reserve(rest);
      this.pending.set(b.subarray(consumed));
      this.pendingLength = rest;
    }
  }

  private reserve(bytes: number): void {
    if (this.pending.length >= bytes) return;
    const grown = new Uint8Array(Math.max(bytes, this.pending.length * 2, 64 * 1024));
    grown.set(this.pending.subarray(0, this.pendingLength));
    this.pending = grown;
  }

  /** Where the rows begin (after <sheetData>), or -1 until it has arrived. */
  private findSheetData(b: Uint8Array): number {
    for (let at = b.indexOf(115); at >= 0; at = b.indexOf(115, at + 1)) {
      if (!bytesAt(b, at, sheetDataName)) continue;
      // <sheetData or <x:sheetData, then white space, > or />.
      let open = at - 1;
      if (b[open] !== 60) {
        if (b[open] !== 58) continue;
        open--;
        while (open >= 0 && isWordByte(b[open]!)) open--;
        if (b[open] !== 60 || open === at - 2) continue;
      }
      const after = at + sheetDataName.length;
      if (after >= b.length) return -1;
      if (!isNameEnd(b[after]!)) continue;
      const gt = b.indexOf(62, after);
      if (gt < 0) return -1;
      const head = latin1Text(b, 0, open);
      const dimension = /<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(head);
      if (dimension) {
        const first = columnIndex(dimension[1]!.split(':')[0]!);
        if (first.row >= 1 && first.column >= 0) this.dimensionRow = first.row;
      }
      const p = latin1Text(b, open + 1, at);
      this.rowOpen = asciiBytes(`<${p}row`);
      this.rowClose = asciiBytes(`</${p}row>`);
      this.sheetDataClose = asciiBytes(`</${p}sheetData`);
      this.cellOpen = `<${p}c`;
      this.cellClose = `</${p}c>`;
      this.valueOpen = `<${p}v`;
      this.valueClose = `</${p}v>`;
      this.inlineOpen = `<${p}is`;
      this.inlineClose = `</${p}is>`;
      this.plain = p === '';
      this.started = true;
      if (b[gt - 1] === 47) this.done = true; // <sheetData/>: no rows
      return gt + 1;
    }
    return -1;
  }

  /** Takes every complete row from b[pos...]; returns how much of b was used. */
  private scanRows(b: Uint8Array, pos: number): number {
    const rowOpen = this.rowOpen;
    if (this.rowSearched > 0) {
      // A row left waiting for its end (it starts at pos): only the bytes since are searched for it.
      if (findMarkup(b, this.rowClose, pos + Math.max(0, this.rowSearched - this.rowClose.length)) < 0) {
        this.rowSearched = b.length - pos;
        return pos;
      }
      this.rowSearched = 0;
    }
    while (!this.done) {
      const lt = b.indexOf(60, pos);
      if (lt < 0) return b.length;
      if (bytesAt(b, lt, rowOpen) && isNameEnd(b[lt + rowOpen.length]!)) {
        const gt = b.indexOf(62, lt);
        if (gt < 0) return lt;
        const rowNumber = rowNumberOf(b, lt + rowOpen.length, gt, this.currentRow);
        const previousRow = this.currentRow;
        this.currentRow = Number.isFinite(rowNumber) ? rowNumber : this.currentRow + 1;
        if (b[gt - 1] === 47) {
          pos = gt + 1;
          continue;
        }
        let end = this.plain ? this.scanPlainRow(b, gt + 1) : general;
        if (end === general) end = this.scanRowAsText(b, gt + 1);
        if (end === incomplete) {
          this.currentRow = previousRow;
          if (gt + 1 < b.length) this.rowSearched = b.length - lt;
          return lt;
        }
        if (end === stopped) {
          // The first rows are read; this row is kept for reading on.
          this.currentRow = previousRow;
          return lt;
        }
        pos = end;
        continue;
      }
      if (bytesAt(b, lt, this.sheetDataClose)) {
        this.done = true;
        return b.length;
      }
      if (lt + this.sheetDataClose.length > b.length) return lt;
      // Anything else between rows (white space, comments, extensions) is passed over.
      const gt = b.indexOf(62, lt);
      if (gt < 0) return lt;
      pos = gt + 1;
    }
    return pos;
  }

  // The cells of a row written the usual way, from b[at] (just after <row ...>); where the row ends, or
  // what stopped it. Written for speed over the bytes: this loop runs once per cell. Reading a row again
  // after `incomplete` puts the same values in the same places.
  private scanPlainRow(b: Uint8Array, at: number): number {
    const n = b.length;
    let i = at;
    let column = -1;
    let rowNumber = this.currentRow;
    for (;;) {
      let code = b[i]!;
      while (code === 32 || code === 10 || code === 13 || code === 9) code = b[++i]!;
      if (i + 6 > n) return incomplete;
      if (code !== 60) return general;
      code = b[i + 1]!;
      if (code === 47) {
        // </row>
        return b[i + 2] === 114 && b[i + 3] === 111 && b[i + 4] === 119 && b[i + 5] === 62 ? i + 6 : general;
      }
      if (code !== 99) return general;
      i += 2;
      code = b[i]!;
      if (code !== 32 && code !== 62 && code !== 47) return general;
      let refColumn = -1;
      let refRow = 0;
      let type = Type.Number;
      let style = -1;
      // The start tag's attributes: r (where), t (type), s (style); others are passed over.
      for (;;) {
        while (code === 32) code = b[++i]!;
        if (i >= n) return incomplete;
        if (code === 62 || code === 47) break;
        if (code === 9 || code === 10 || code === 13) return general;
        const nameStart = i;
        while (code !== 61 && code !== 32 && code !== 62 && code !== 47 && i < n) code = b[++i]!;
        if (i >= n) return incomplete;
        if (code !== 61) return general;
        const nameLength = i - nameStart;
        const quote = b[++i]!;
        if (quote !== 34 && quote !== 39) return i >= n ? incomplete : general;
        const valueStart = i + 1;
        // The closing quote, a few bytes on: looked for in place (a search call per attribute costs more).
        let valueEnd = valueStart;
        while (valueEnd < n && b[valueEnd] !== quote) valueEnd++;
        if (valueEnd >= n) return incomplete;
        if (nameLength === 1) {
          const name = b[nameStart];
          if (name === 114) {
            // r="AB12"
            let c = 0;
            let j = valueStart;
            for (; j < valueEnd; j++) {
              const ch = b[j]! | 32; // folds upper to lower case
              if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
              else if (ch !== 36) break; // $A$1
            }
            let r = 0;
            for (; j < valueEnd; j++) {
              const ch = b[j]!;
              if (ch >= 48 && ch <= 57) r = r * 10 + (ch - 48);
              else if (ch !== 36) break;
            }
            refColumn = c - 1;
            refRow = r;
          } else if (name === 116) {
            type = typeOfBytes(b, valueStart, valueEnd);
            if (type === Type.InlineString) return general;
          } else if (name === 115) {
            style = 0;
            for (let j = valueStart; j < valueEnd; j++) style = style * 10 + (b[j]! - 48);
            if (!(style >= 0)) style = -1;
          }
        }
        i = valueEnd + 1;
        code = b[i]!;
      }
      let value: Cell | undefined;
      if (code === 47) {
        if (i + 1 >= n) return incomplete;
        if (b[i + 1] !== 62) return general;
        i += 2;
        value = emptyValue(type);
      } else {
        // <v>value</v></c>, or no content at all: <c ...></c>.
        if (i + 5 > n) return incomplete;
        if (b[i + 1] === 60 && b[i + 2] === 47 && b[i + 3] === 99 && b[i + 4] === 62) {
          i += 5;
          value = type === Type.Number || type === Type.Shared ? undefined : emptyValue(type) ?? null;
        } else {
          if (b[i + 1] !== 60 || b[i + 2] !== 118 || b[i + 3] !== 62) return general;
          const start = i + 4;
          let end = start;
          while (end < n && b[end] !== 60) end++;
          if (end + 8 > n) return incomplete;
          // </v></c>
          if (b[end + 1] !== 47 || b[end + 2] !== 118 || b[end + 3] !== 62 || b[end + 4] !== 60 || b[end + 5] !== 47 || b[end + 6] !== 99 || b[end + 7] !== 62) return general;
          value = this.valueOfBytes(b, start, end, type, style);
          i = end + 8;
        }
      }
      if (refColumn >= 0 || refRow > 0) {
        column = refColumn;
        if (refRow > 0) rowNumber = refRow;
      } else column++;
      if (value === undefined) continue; // no value: an empty, styled cell
      if (!this.place(rowNumber, column, value)) return stopped;
    }
  }

  // The value of a cell of the given type whose <v> holds b[start, end).
  private valueOfBytes(b: Uint8Array, start: number, end: number, type: Type, style: number): Cell | undefined {
    switch (type) {
      case Type.Number: {
        if (start === end) return undefined;
        const n = numberOfBytes(b, start, end);
        return this.context.date1904 && style >= 0 && this.context.dateStyles[style] ? n + days1904 : n;
      }
      case Type.Shared:
        return start === end ? undefined : this.sharedString(numberOfBytes(b, start, end));
      case Type.Formula:
        return this.interner.text(b, start, end);
      case Type.Boolean:
        return (end - start === 1 && b[start] === 49) || (end - start === 4 && latin1Text(b, start, end) === 'true');
      case Type.Error:
        // An error value such as #DIV/0! is no value; it reads as the blank marker #N/A.
        return '#N/A';
      case Type.IsoDate:
        return start === end ? null : serialFromIso(unescaped(utf8Text(b, start, end)));
      default:
        return null;
    }
  }

  private sharedString(index: number): string | null {
    const strings = this.context.sharedStrings;
    if (!(index >= 0 && index < strings.length)) throw new ArchiveFault('damaged', `shared string ${index} of ${strings.length}`, this.context.part);
    return strings[Math.floor(index)]!;
  }

  /** Puts a value in its place; false when it lies below the first rows and was left unread. */
  private place(rowNumber: number, column: number, value: Cell): boolean {
    // The usual case first: the next cell of the row being filled, once the first rows are settled.
    if (rowNumber === this.openRowNumber && this.headRows === null && column >= 0 && column < maxColumns) {
      const row = this.openRow;
      while (row.length < column) row.push(null);
      row[column] = value;
      return true;
    }
    if (column < 0 || column >= maxColumns || rowNumber < 1 || rowNumber > maxRows) {
      throw new ArchiveFault('damaged', `cell ${column} of row ${rowNumber} lies outside Excel's grid`, this.context.part);
    }
    const first = this.firstCellRow === 0 ? rowNumber : Math.min(this.firstCellRow, rowNumber);
    if (this.headRows !== null && rowNumber >= Math.min(this.dimensionRow ?? first, first) + this.headRows) {
      this.more = true;
      this.done = true;
      return false;
    }
    this.firstCellRow = first;
    if (rowNumber > this.lastCellRow) this.lastCellRow = rowNumber;
    if (rowNumber !== this.openRowNumber) {
      this.openRowNumber = rowNumber;
      this.openRow = this.byRow[rowNumber] ?? (this.byRow[rowNumber] = []);
    }
    const row = this.openRow;
    while (row.length < column) row.push(null);
    row[column] = value;
    return true;
  }

  // A row written some other way: its bytes up to </row> decoded, and read by the general reader.
  private scanRowAsText(b: Uint8Array, from: number): number {
    const close = findMarkup(b, this.rowClose, from);
    if (close < 0) return incomplete;
    const s = utf8Text(b, from, close);
    this.nextValue = -2;
    return this.scanCells(s, 0, s.length) ? close + this.rowClose.length : stopped;
  }

  /** Takes the cells of one row's text; false when it lies below the first rows and was left unread. */
  private scanCells(s: string, from: number, to: number): boolean {
    const cellOpen = this.cellOpen;
    const openLength = cellOpen.length;
    let column = -1;
    let k = from;
    let rowNumber = this.currentRow;
    for (;;) {
      const open = s.indexOf(cellOpen, k);
      if (open < 0 || open >= to) break;
      let i = open + openLength;
      let code = s.charCodeAt(i);
      if (!isNameEnd(code)) {
        k = open + 1;
        continue;
      }
      let refColumn = -1;
      let refRow = 0;
      let type = Type.Number;
      let style = -1;
      // The start tag's attributes: r (where), t (type), s (style).
      for (;;) {
        while (code === 32 || code === 9 || code === 10 || code === 13) code = s.charCodeAt(++i);
        if (code === 62 || code === 47 || i >= to) break;
        const nameStart = i;
        while (code !== 61 && code !== 32 && code !== 62 && code !== 47 && i < to) code = s.charCodeAt(++i);
        const nameLength = i - nameStart;
        while (code === 32) code = s.charCodeAt(++i);
        if (code !== 61) throw new ArchiveFault('damaged', `malformed cell in row ${rowNumber}`, this.context.part);
        code = s.charCodeAt(++i);
        while (code === 32) code = s.charCodeAt(++i);
        if (code !== 34 && code !== 39) throw new ArchiveFault('damaged', `malformed cell in row ${rowNumber}`, this.context.part);
        const valueStart = i + 1;
        const valueEnd = s.indexOf(code === 34 ? '"' : "'", valueStart);
        if (valueEnd < 0 || valueEnd >= to) throw new ArchiveFault('damaged', `malformed cell in row ${rowNumber}`, this.context.part);
        if (nameLength === 1) {
          const name = s.charCodeAt(nameStart);
          if (name === 114) {
            const ref = columnIndex(s.slice(valueStart, valueEnd));
            refColumn = ref.column;
            refRow = ref.row;
          } else if (name === 116) {
            const t = utf8Bytes(s.slice(valueStart, valueEnd));
            type = typeOfBytes(t, 0, t.length);
          }
          else if (name === 115) {
            style = 0;
            for (let j = valueStart; j < valueEnd; j++) style = style * 10 + (s.charCodeAt(j) - 48);
            if (!(style >= 0)) style = -1;
          }
        }
        i = valueEnd + 1;
        code = s.charCodeAt(i);
      }
      if (refColumn >= 0 || refRow > 0) {
        column = refColumn;
        if (refRow > 0) rowNumber = refRow;
      } else column++;
      let value: Cell | undefined;
      if (code === 47) {
        k = i + 2;
        value = emptyValue(type);
      } else {
        const end = s.indexOf(this.cellClose, i);
        if (end < 0 || end > to) throw new ArchiveFault('damaged', `unclosed cell in row ${rowNumber}`, this.context.part);
        value = this.cellValue(s, i + 1, end, type, style);
        k = end + this.cellClose.length;
      }
      if (value === undefined) continue; // no value: an empty, styled cell
      if (!this.place(rowNumber, column, value)) return false;
    }
    return true;
  }

// The value of a cell whose content is s[from, to). undefined: the cell holds no value (Excel shows it empty).
  private cellValue(s: string, from: number, to: number, type: Type, style: number): Cell | undefined {
    if (type === Type.InlineString) {
      const content = s.slice(from, to);
      const open = content.indexOf(this.inlineOpen);
      if (open < 0) return '';
      const gt = content.indexOf('>', open);
      if (content.charCodeAt(gt - 1) === 47) return '';
      const close = content.indexOf(this.inlineClose, gt);
      return stringItemText(content.slice(gt + 1, close < 0 ? content.length : close));
    }
    // The <v> element, if any. The next one in the text is remembered: a run of cells without one must
    // not each search the rest of the text.
    if (from === to) return type === Type.Formula ? '' : type === Type.Boolean ? false : type === Type.Error ? '#N/A' : type === Type.Number || type === Type.Shared ? undefined : null;
    if (this.nextValue !== -1 && this.nextValue < from) {
      let at = s.indexOf(this.valueOpen, from);
      while (at >= 0 && !isNameEnd(s.charCodeAt(at + this.valueOpen.length))) at = s.indexOf(this.valueOpen, at + 1);
      this.nextValue = at;
    }
    const open = this.nextValue >= 0 && this.nextValue < to ? this.nextValue : -1;
    let start = -1;
    let end = -1;
    if (open >= 0) {
      const gt = s.indexOf('>', open);
      if (s.charCodeAt(gt - 1) === 47) start = end = gt;
      else {
        start = gt + 1;
        end = s.indexOf(this.valueClose, start);
        if (end < 0 || end > to) end = to;
      }
    }
    return this.valueOf(s, start, end, type, style);
  }

  // The value of a cell of the given type whose <v> holds s[start, end) (start < 0: the cell has no <v>),
  // read as the bytes of a usual row are.
  private valueOf(s: string, start: number, end: number, type: Type, style: number): Cell | undefined {
    const bytes = start < 0 ? noBytes : utf8Bytes(s.slice(start, end));
    return this.valueOfBytes(bytes, 0, bytes.length, type, style);
  }
}

const sheetDataName = asciiBytes('sheetData');
const isWordByte = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

// The value of a self-closed cell (<c r="A1" t="b"/>) of the given type; undefined: Excel shows it empty.
function emptyValue(type: Type): Cell | undefined {
  return type === Type.InlineString || type === Type.Formula ? '' : type === Type.Boolean ? false : type === Type.Error ? '#N/A' : undefined;
}

// The r attribute of a row's start tag b[from, to), read in place; else the row after the last.
function rowNumberOf(b: Uint8Array, from: number, to: number, previous: number): number {
  for (let at = from; at + 3 < to; at++) {
    // " r=" followed by a quote: the tag is short, so this looks no further than its end.
    if (b[at] === 114 && b[at + 1] === 61 && b[at - 1]! <= 32) {
      let n = 0;
      for (let i = at + 3; i < to; i++) {
        const ch = b[i]!;
        if (ch < 48 || ch > 57) break;
        n = n * 10 + (ch - 48);
      }
      return n;
    }
  }
  const r = tagAttribute(latin1Text(b, from - 1, to), 'r');
  return r === undefined ? previous + 1 : parseInt(r, 10);
}

// A cell's t attribute: n (or none), s (shared text), str (a formula's text), inlineStr, b, e, d (ISO date).
const enum Type { Number, Shared, Formula, InlineString, Boolean, Error, IsoDate, Other }

function typeOfBytes(b: Uint8Array, start: number, end: number): Type {
  const length = end - start;
  const first = b[start];
  if (length === 1) return first === 115 ? Type.Shared : first === 110 ? Type.Number : first === 98 ? Type.Boolean : first === 101 ? Type.Error : first === 100 ? Type.IsoDate : Type.Other;
  if (length === 3 && bytesAt(b, start, strName)) return Type.Formula;
  if (length === 9 && bytesAt(b, start, inlineStrName)) return Type.InlineString;
  return Type.Other;
}

const strName = asciiBytes('str');
const inlineStrName = asciiBytes('inlineStr');

// Whole numbers, by far the most common, without making a string; anything else as parseFloat reads it.
function numberOfBytes(b: Uint8Array, start: number, end: number): number {
  if (end - start < 16) {
    let n = 0;
    let i = start;
    const negative = b[i] === 45;
    if (negative) i++;
    if (i < end) {
      for (; i < end; i++) {
        const ch = b[i]!;
        if (ch < 48 || ch > 57) break;
        n = n * 10 + (ch - 48);
      }
      if (i === end) return negative ? -n : n;
    }
  }
  return parseFloat(latin1Text(b, start, end));
}
