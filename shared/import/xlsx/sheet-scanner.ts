// Scans a worksheet's XML as it is unpacked, straight into rows of cells, without building a tree. The
// text arrives in slices; whole rows are taken as soon as they are complete. Values are those Excel
// shows: shared and inline strings, numbers, booleans, errors, and a formula's last calculated value.
import type { Cell } from '../cells.ts';
import { maxColumns, maxRows } from './read-limits.ts';
import { ArchiveFault } from './workbook-read-error.ts';
import { stringItemText, tagAttribute, unescapeXml } from './xml-text.ts';

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

function columnIndex(ref: string): { column: number; row: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
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

export class SheetScanner {
  private text = '';
  private started = false;
  private rowOpen = '<row';
  private rowClose = '</row>';
  private cellOpen = '<c';
  private cellClose = '</c>';
  private valueOpen = '<v';
  private valueClose = '</v>';
  private inlineOpen = '<is';
  private inlineClose = '</is>';
  private sheetDataClose = '</sheetData';
  /** Whether the sheet's elements carry no namespace prefix (<c>, not <x:c>), as nearly every writer's do. */
  private plain = true;
  private dimensionRow: number | null = null;
  /** Rows by their number, 1-based. */
  private readonly byRow: Cell[][] = [];
  private firstCellRow = 0;
  private lastCellRow = 0;
  private currentRow = 0;
  /** Where the next <v> is in the text being scanned (-2: not yet searched, -1: none). */
  private nextValue = -2;
  private readonly interner = new TextInterner();
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
    const consumed = this.scanRows();
    this.text = consumed >= this.text.length ? '' : this.text.slice(consumed);
  }

  push(slice: string): void {
    if (this.done) return;
    this.text = this.text.length === 0 ? slice : this.text + slice;
    if (!this.started && !this.findSheetData()) return;
    const consumed = this.scanRows();
    this.text = consumed >= this.text.length ? '' : this.text.slice(consumed);
    if (!this.done && this.text.length > maxRowText) throw new ArchiveFault('too-large', `a row of ${this.text.length} characters`, this.context.part);
  }

  /** The rows read: rows[i] is row firstRow + i; column A is index 0. */
  grid(): { firstRow: number; rows: Cell[][] } {
    if (this.lastCellRow === 0) return { firstRow: this.dimensionRow ?? 1, rows: [] };
    const firstRow = Math.min(this.dimensionRow ?? this.firstCellRow, this.firstCellRow);
    const rows: Cell[][] = new Array(this.lastCellRow - firstRow + 1);
    for (let r = firstRow; r <= this.lastCellRow; r++) rows[r - firstRow] = this.byRow[r] ?? emptyRow;
    return { firstRow, rows };
  }

  private findSheetData(): boolean {
    const match = /<(\w+:)?sheetData[\s>/]/.exec(this.text);
    if (!match) {
      if (this.text.length > maxRowText) throw new ArchiveFault('damaged', 'no sheetData', this.context.part);
      return false;
    }
    const head = this.text.slice(0, match.index);
    const dimension = /<(?:\w+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']/.exec(head);
    if (dimension) {
      const first = columnIndex(dimension[1]!.split(':')[0]!);
      if (first.row >= 1 && first.column >= 0) this.dimensionRow = first.row;
    }
    const p = match[1] ?? '';
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.cellOpen = `<${p}c`;
    this.cellClose = `</${p}c>`;
    this.valueOpen = `<${p}v`;
    this.valueClose = `</${p}v>`;
    this.inlineOpen = `<${p}is`;
    this.inlineClose = `</${p}is>`;
    this.sheetDataClose = `</${p}sheetData`;
    this.plain = p === '';
    this.started = true;
    const gt = this.text.indexOf('>', match.index);
    if (this.text[gt - 1] === '/') this.done = true; // <sheetData/>: no rows
    this.text = this.text.slice(gt + 1);
    return !this.done;
  }

  /** Takes every complete row from the text; returns how much of the text was used. */
  private scanRows(): number {
    const s = this.text;
    let pos = 0;
    let nextClose = -2; // not yet searched
    let nextType = -2;
    this.nextValue = -2;
    while (!this.done) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) return s.length;
      if (s.startsWith(this.rowOpen, lt) && isNameEnd(s.charCodeAt(lt + this.rowOpen.length))) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) return lt;
        const rowNumber = rowNumberOf(s, lt + this.rowOpen.length, gt, this.currentRow);
        if (s.charCodeAt(gt - 1) === 47) {
          this.currentRow = Number.isFinite(rowNumber) ? rowNumber : this.currentRow + 1;
          pos = gt + 1;
          continue;
        }
        const close = s.indexOf(this.rowClose, gt);
        if (close < 0) return lt;
        const previousRow = this.currentRow;
        this.currentRow = Number.isFinite(rowNumber) ? rowNumber : this.currentRow + 1;
        // A row of styled, empty cells (<c r="A9" s="2"/>, no type) holds no value: passed over unread.
        // (The next "</c>" and " t=" are remembered, so that each is searched for once per text, not per row.)
        if (nextClose !== -1 && nextClose < gt) nextClose = s.indexOf(this.cellClose, gt);
        if (nextType !== -1 && nextType < gt) nextType = s.indexOf(' t=', gt);
        const anyValue = (nextClose !== -1 && nextClose < close) || (nextType !== -1 && nextType < close);
        if (anyValue && !this.scanCells(s, gt + 1, close)) {
          // The first rows are read; this row is kept for reading on.
          this.currentRow = previousRow;
          return lt;
        }
        pos = close + this.rowClose.length;
        continue;
      }
      if (s.startsWith(this.sheetDataClose, lt)) {
        this.done = true;
        return s.length;
      }
      // Anything else between rows (white space, comments, extensions) is passed over.
      const gt = s.indexOf('>', lt);
      if (gt < 0) return lt;
      pos = gt + 1;
    }
    return pos;
  }

  /** Takes the cells of one row; false when it lies below the first rows and was left unread. */
  // Written for speed over the text itself, without slicing out tags: this loop runs once per cell.
  private scanCells(s: string, from: number, to: number): boolean {
    const cellOpen = this.cellOpen;
    const openLength = cellOpen.length;
    const plain = this.plain;
    let contentEnd = -1;
    let column = -1;
    let k = from;
    let row: Cell[] | null = null;
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
        // The closing quote, a few characters on: looked for in place (a search call per attribute costs more).
        let valueEnd = valueStart;
        while (valueEnd < to && s.charCodeAt(valueEnd) !== code) valueEnd++;
        if (valueEnd >= to) throw new ArchiveFault('damaged', `malformed cell in row ${rowNumber}`, this.context.part);
        if (nameLength === 1) {
          const name = s.charCodeAt(nameStart);
          if (name === 114) {
            // r="AB12"
            let c = 0;
            let j = valueStart;
            for (; j < valueEnd; j++) {
              const ch = s.charCodeAt(j) | 32; // folds upper to lower case
              if (ch >= 97 && ch <= 122) c = c * 26 + (ch - 96);
              else if (ch !== 36) break; // $A$1
            }
            let r = 0;
            for (; j < valueEnd; j++) {
              const ch = s.charCodeAt(j);
              if (ch >= 48 && ch <= 57) r = r * 10 + (ch - 48);
              else if (ch !== 36) break;
            }
            refColumn = c - 1;
            refRow = r;
          } else if (name === 116) type = typeOf(s, valueStart, valueEnd);
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
        value = type === Type.InlineString || type === Type.Formula ? '' : type === Type.Boolean ? false : type === Type.Error ? '#N/A' : undefined;
      } else if (plain && type !== Type.InlineString && (contentEnd = plainValueEnd(s, i + 1, to)) >= 0) {
        // The usual content, <v>value</v></c>, read in place.
        value = this.valueOf(s, i + 4, contentEnd, type, style);
        k = contentEnd + 8;
      } else {
        const end = s.indexOf(this.cellClose, i);
        if (end < 0 || end > to) throw new ArchiveFault('damaged', `unclosed cell in row ${rowNumber}`, this.context.part);
        value = this.cellValue(s, i + 1, end, type, style);
        k = end + this.cellClose.length;
      }
      if (value === undefined) continue; // no value: an empty, styled cell
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
      if (row === null || rowNumber !== this.currentRow) {
        this.currentRow = rowNumber;
        row = this.byRow[rowNumber] ?? (this.byRow[rowNumber] = []);
      }
      while (row.length < column) row.push(null);
      row[column] = value;
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

  // The value of a cell of the given type whose <v> holds s[start, end) (start < 0: the cell has no <v>).
  private valueOf(s: string, start: number, end: number, type: Type, style: number): Cell | undefined {
    switch (type) {
      case Type.Number: {
        if (start === end) return undefined;
        const n = parseNumber(s, start, end);
        return this.context.date1904 && style >= 0 && this.context.dateStyles[style] ? n + days1904 : n;
      }
      case Type.Shared: {
        if (start === end) return undefined;
        const index = parseNumber(s, start, end);
        const strings = this.context.sharedStrings;
        if (!(index >= 0 && index < strings.length)) throw new ArchiveFault('damaged', `shared string ${index} of ${strings.length}`, this.context.part);
        return strings[Math.floor(index)]!;
      }
      case Type.Formula:
        return start < 0 ? '' : this.interner.text(s, start, end);
      case Type.Boolean: {
        const text = start < 0 ? '' : s.slice(start, end);
        return text === '1' || text === 'true';
      }
      case Type.Error:
        // An error value such as #DIV/0! is no value; it reads as the blank marker #N/A.
        return '#N/A';
      case Type.IsoDate:
        return start === end ? null : serialFromIso(unescaped(s.slice(start, end)));
      default:
        return null;
    }
  }
}

// Where the value ends in a cell whose content, from s[at], is exactly <v>value</v></c>; else -1. The value
// holds no "<" (XML writes it &lt;), so its end is the first one.
function plainValueEnd(s: string, at: number, to: number): number {
  if (s.charCodeAt(at) !== 60 || s.charCodeAt(at + 1) !== 118 || s.charCodeAt(at + 2) !== 62) return -1; // <v>
  let end = at + 3;
  while (end < to && s.charCodeAt(end) !== 60) end++;
  // </v></c>
  if (end + 8 > to || s.charCodeAt(end + 1) !== 47 || s.charCodeAt(end + 2) !== 118 || s.charCodeAt(end + 3) !== 62) return -1;
  if (s.charCodeAt(end + 4) !== 60 || s.charCodeAt(end + 5) !== 47 || s.charCodeAt(end + 6) !== 99 || s.charCodeAt(end + 7) !== 62) return -1;
  return end;
}

// The r attribute of a row's start tag s[from, to), read in place; else the row after the last.
function rowNumberOf(s: string, from: number, to: number, previous: number): number {
  for (let at = from; at + 3 < to; at++) {
    // " r=" followed by a quote: the tag is short, so this looks no further than its end.
    if (s.charCodeAt(at) === 114 && s.charCodeAt(at + 1) === 61 && s.charCodeAt(at - 1) <= 32) {
      let n = 0;
      for (let i = at + 3; i < to; i++) {
        const ch = s.charCodeAt(i);
        if (ch < 48 || ch > 57) break;
        n = n * 10 + (ch - 48);
      }
      return n;
    }
  }
  const r = tagAttribute(s.slice(from - 1, to), 'r');
  return r === undefined ? previous + 1 : parseInt(r, 10);
}

// A cell's t attribute: n (or none), s (shared text), str (a formula's text), inlineStr, b, e, d (ISO date).
const enum Type { Number, Shared, Formula, InlineString, Boolean, Error, IsoDate, Other }

function typeOf(s: string, start: number, end: number): Type {
  const length = end - start;
  const first = s.charCodeAt(start);
  if (length === 1) return first === 115 ? Type.Shared : first === 110 ? Type.Number : first === 98 ? Type.Boolean : first === 101 ? Type.Error : first === 100 ? Type.IsoDate : Type.Other;
  if (length === 3 && s.startsWith('str', start)) return Type.Formula;
  if (length === 9 && s.startsWith('inlineStr', start)) return Type.InlineString;
  return Type.Other;
}

// Whole numbers, by far the most common, without making a string; anything else as parseFloat reads it.
function parseNumber(s: string, start: number, end: number): number {
  if (end - start < 16) {
    let n = 0;
    let i = start;
    const negative = s.charCodeAt(i) === 45;
    if (negative) i++;
    if (i < end) {
      for (; i < end; i++) {
        const ch = s.charCodeAt(i);
        if (ch < 48 || ch > 57) break;
        n = n * 10 + (ch - 48);
      }
      if (i === end) return negative ? -n : n;
    }
  }
  return parseFloat(s.slice(start, end));
}

function unescaped(text: string): string {
  return text.indexOf('&') < 0 && text.indexOf('_x') < 0 && text.indexOf('\r') < 0 && text.indexOf('<') < 0 ? text : unescapeXml(text);
}

// Text cells repeat ("a) Male", "Duty and Assessment"): a short text seen recently in the same sheet is
// handed back as the same string, found by a hash of its characters in place. Fewer strings to make and
// collect, and the value readers' caches, keyed by these strings, find them at once.
const internSlots = 4096;

class TextInterner {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(internSlots);
  private readonly values: string[] = new Array<string>(internSlots);

  text(s: string, start: number, end: number): string {
    const length = end - start;
    if (length > 64) return unescaped(s.slice(start, end));
    // A hash of the length and a few characters: the texts that repeat in a column differ there, and the
    // comparison below (one call, not a loop) settles the rest.
    const hash = length === 0 ? 0 : Math.imul(Math.imul(length, 31) + s.charCodeAt(start), 31) + s.charCodeAt(end - 1) + Math.imul(s.charCodeAt(start + (length >> 1)), 7) + Math.imul(s.charCodeAt(start + (length >> 2)), 131);
    const slot = hash & (internSlots - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === length && s.startsWith(key, start)) return this.values[slot]!;
    const raw = s.slice(start, end);
    const value = unescaped(raw);
    this.keys[slot] = raw;
    this.values[slot] = value;
    return value;
  }
}
