// A small Office Open XML spreadsheet writer: typed cells with a fixed set of styles (bold headers, real
// dates, whole numbers, pounds, percentages), column widths, frozen header rows, autofilters, landscape
// fit-to-width printing with repeated header rows, and native line charts that reference the cells.
// (The free SheetJS build writes neither fonts nor charts, and an analyst restyles native charts.)
import { excelSerialFromIso } from '../import/values/dates.ts';
import { utf8Bytes } from '../text/utf8.ts';
import { writeZip, type ZipEntry } from './zip.ts';

/** `spaced` is text set in from the left, for a word beside a right-aligned figure ("252" then "Aug 2025"). */
export type CellStyle = 'text' | 'header' | 'title' | 'date' | 'month' | 'integer' | 'decimal1' | 'decimal2' | 'pounds' | 'percent' | 'wrap' | 'spaced';

export type Cell =
  | null
  | string
  | number
  | { text: string; style?: CellStyle }
  | { number: number; style: CellStyle }
  | { date: string; style?: 'date' | 'month' }; // ISO YYYY-MM-DD

export interface ChartSpec {
  title: string;
  yAxisTitle: string;
  /** Top-left and bottom-right cells of the chart's frame on its own sheet (0-based). */
  anchor: { fromColumn: number; fromRow: number; toColumn: number; toRow: number };
  /** The x axis: a column of month dates on a data sheet. */
  categories: RangeRef;
  series: Array<{ name: RangeRef; values: RangeRef; colour: string; dashed?: boolean }>;
}

export interface RangeRef {
  sheet: string;
  column: number; // 0-based
  fromRow: number; // 0-based, inclusive
  toRow: number;
}

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  columnWidths?: number[];
  freezeRows?: number;
  freezeColumns?: number;
  /** 0-based header row index: its cells are the filter buttons, and it repeats on every printed page. */
  filterHeaderRow?: number;
  landscape?: boolean;
  charts?: ChartSpec[];
  /** Row heights in points by 0-based row (wrapped text needs them: not every reader autofits). */
  rowHeights?: Record<number, number>;
  /** Columns repeated on every printed page when the sheet prints more than one page wide (default: the frozen ones). */
  repeatColumns?: number;
  /** Merged areas, 0-based inclusive. */
  merges?: Array<{ fromColumn: number; fromRow: number; toColumn: number; toRow: number }>;
}

export interface WorkbookSpec {
  title: string;
  author: string;
  sheets: SheetSpec[];
  /** When it was made, ISO date-time (fixed in tests for reproducible bytes). */
  created: string;
}

// Style indexes into cellXfs below.
const styleIndex: Record<CellStyle, number> = { text: 0, header: 1, title: 2, date: 3, month: 4, integer: 5, decimal1: 6, decimal2: 7, pounds: 8, percent: 9, wrap: 10, spaced: 15 };
/** The same text styles with Excel's quote prefix (see needsQuotePrefix). */
const quotedStyleIndex: Partial<Record<CellStyle, number>> = { text: 11, header: 12, title: 13, wrap: 14 };

const stylesXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="5"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="mmm yyyy"/><numFmt numFmtId="166" formatCode="0.0"/><numFmt numFmtId="167" formatCode="&quot;£&quot;#,##0"/><numFmt numFmtId="168" formatCode="0.0%"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color rgb="FF1D4F91"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="16">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="168" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1" quotePrefix="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1" quotePrefix="1"><alignment wrapText="1" vertical="top"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" indent="1"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

export function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold are dropped; the rest escaped.
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * Text from users (names, file names, messages quoting their cells) must never start a formula when the
 * sheet is opened, edited or copied: a cell whose text starts with = + - @ tab or carriage return gets
 * Excel's own quote prefix (the cell style's quotePrefix, as typing '= in Excel does), so the text shows
 * as written, with no visible apostrophe, and Excel keeps it as text.
 */
export function needsQuotePrefix(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellRef(column: number, row: number, absolute = false): string {
  return absolute ? `$${columnName(column)}$${row + 1}` : `${columnName(column)}${row + 1}`;
}

function repeatedColumns(sheet: SheetSpec): number {
  return sheet.repeatColumns ?? sheet.freezeColumns ?? 0;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function rangeFormula(ref: RangeRef): string {
  return `${quoteSheet(ref.sheet)}!${cellRef(ref.column, ref.fromRow, true)}:${cellRef(ref.column, ref.toRow, true)}`;
}


function cellXml(cell: Cell, column: number, row: number): string {
  if (cell === null) return '';
  const ref = cellRef(column, row);
  const text = (value: string, style: CellStyle = 'text') => {
    const s = needsQuotePrefix(value) ? (quotedStyleIndex[style] ?? quotedStyleIndex.text!) : styleIndex[style];
    return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  };
  const number = (value: number, style: CellStyle) => {
    if (!Number.isFinite(value)) throw new Error(`export: cell ${ref} would hold ${value}`);
    return `<c r="${ref}" s="${styleIndex[style]}"><v>${value}</v></c>`;
  };
  if (typeof cell === 'string') return text(cell);
  if (typeof cell === 'number') return number(cell, 'decimal2');
  if ('text' in cell) return text(cell.text, cell.style);
  if ('number' in cell) return number(cell.number, cell.style);
  return number(excelSerialFromIso(cell.date), cell.style ?? 'date');
}

function textOf(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (cell && typeof cell === 'object' && 'text' in cell) return cell.text;
  return '';
}

/** Widths that fit the content (within reason) where none are given. */
function fittedWidths(sheet: SheetSpec, width: number): number[] {
  return Array.from({ length: width }, (_, c) => {
    const given = sheet.columnWidths?.[c];
    if (given !== undefined) return given;
    let longest = 8;
    for (const row of sheet.rows) {
      const cell = row[c] ?? null;
      const wrapped = cell && typeof cell === 'object' && 'style' in cell && (cell.style === 'wrap' || cell.style === 'header');
      const length = typeof cell === 'number' || (cell && typeof cell === 'object' && 'number' in cell) ? 12 : textOf(cell).length;
      longest = Math.max(longest, wrapped ? Math.min(length, 30) : length);
    }
    return Math.min(60, longest + 2);
  });
}

/** Lines a text takes wrapped at word boundaries in a column `width` characters wide (bold text is wider). */
export function wrappedLines(text: string, width: number, bold = false): number {
  const fits = Math.max(4, Math.floor((width - 1) * (bold ? 0.9 : 1.12)));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line === 0) line = word.length;
      else if (line + 1 + word.length <= fits) line += 1 + word.length;
      else {
        lines++;
        line = word.length;
      }
      // A word longer than the column breaks across lines.
      while (line > fits) {
        lines++;
        line -= fits;
      }
    }
  }
  return Math.max(1, lines);
}

/**
 * Rows with wrapped text (headers, long notes) get the height of their tallest cell, words wrapped at the
 * column's width (a merged cell's whole width), since not every reader autofits: without it LibreOffice
 * prints the second line over the next row.
 */
function autoHeights(sheet: SheetSpec, widths: number[]): Record<number, number> {
  const heights: Record<number, number> = { ...sheet.rowHeights };
  const mergedWidth = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    for (let r = m.fromRow; r <= m.toRow; r++) for (let c = m.fromColumn; c <= m.toColumn; c++) if (r !== m.fromRow || c !== m.fromColumn) covered.add(`${r}:${c}`);
    if (m.fromRow === m.toRow) mergedWidth.set(`${m.fromRow}:${m.fromColumn}`, widths.slice(m.fromColumn, m.toColumn + 1).reduce((a, b) => a + b, 0));
  }
  sheet.rows.forEach((row, r) => {
    if (heights[r] !== undefined) return;
    const lines = Math.max(
      0,
      ...row.map((cell, c) => {
        if (!cell || typeof cell !== 'object' || !('style' in cell) || (cell.style !== 'header' && cell.style !== 'wrap') || covered.has(`${r}:${c}`)) return 0;
        return wrappedLines(textOf(cell), mergedWidth.get(`${r}:${c}`) ?? widths[c] ?? 10, cell.style === 'header');
      }),
    );
    if (lines > 1) heights[r] = 15 * lines + 3;
    else if (row.some((cell) => cell && typeof cell === 'object' && 'style' in cell && cell.style === 'title')) heights[r] = 21;
  });
  return heights;
}

/** Pages across a printed sheet: at most about 210 characters of columns a landscape page, so print stays readable. */
function pagesWide(widths: number[], landscape: boolean, repeated: number): number {
  const perPage = landscape ? 210 : 140;
  const total = widths.reduce((a, b) => a + b, 0);
  const titles = widths.slice(0, repeated).reduce((a, b) => a + b, 0);
  if (total <= perPage) return 1;
  return Math.ceil((total - titles) / Math.max(40, perPage - titles));
}

function sheetXml(sheet: SheetSpec, hasDrawing: boolean): string {
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const widths = fittedWidths(sheet, width);
  const heights = autoHeights(sheet, widths);
  const dimension = `A1:${cellRef(width - 1, Math.max(0, sheet.rows.length - 1))}`;
  const freezeRows = sheet.freezeRows ?? 0;
  const freezeColumns = sheet.freezeColumns ?? 0;
  let pane = '';
  if (freezeRows || freezeColumns) {
    const activePane = freezeRows && freezeColumns ? 'bottomRight' : freezeRows ? 'bottomLeft' : 'topRight';
    pane = `<pane${freezeColumns ? ` xSplit="${freezeColumns}"` : ''}${freezeRows ? ` ySplit="${freezeRows}"` : ''} topLeftCell="${cellRef(freezeColumns, freezeRows)}" activePane="${activePane}" state="frozen"/>`;
  }
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row.map((cell, c) => cellXml(cell, c, r)).join('');
      const height = heights[r];
      return cells ? `<row r="${r + 1}"${height ? ` ht="${height}" customHeight="1"` : ''}>${cells}</row>` : '';
    })
    .join('');
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${cellRef(m.fromColumn, m.fromRow)}:${cellRef(m.toColumn, m.toRow)}"/>`).join('')}</mergeCells>`
    : '';
  const filter = sheet.filterHeaderRow !== undefined ? `<autoFilter ref="${cellRef(0, sheet.filterHeaderRow)}:${cellRef(width - 1, Math.max(sheet.filterHeaderRow, sheet.rows.length - 1))}"/>` : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dimension}"/>
<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>
<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}
<sheetData>${rows}</sheetData>${filter}${merges}
<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>
<pageSetup paperSize="9" orientation="${sheet.landscape === false ? 'portrait' : 'landscape'}" fitToWidth="${pagesWide(widths, sheet.landscape !== false, repeatedColumns(sheet))}" fitToHeight="0"/>
<headerFooter><oddFooter>&amp;L${escapeXml(sheet.name)}&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>${hasDrawing ? '<drawing r:id="rId1"/>' : ''}
</worksheet>`;
}

function chartXml(chart: ChartSpec, cachedValues: (ref: RangeRef) => Array<number | null>, cachedText: (ref: RangeRef) => string): string {
  const numCache = (ref: RangeRef, format: string) => {
    const values = cachedValues(ref);
    const points = values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
    return `<c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${points}</c:numCache>`;
  };
  const series = chart.series
    .map(
      (s, i) => `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>
<c:tx><c:strRef><c:f>${escapeXml(`${quoteSheet(s.name.sheet)}!${cellRef(s.name.column, s.name.fromRow, true)}`)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(cachedText(s.name))}</c:v></c:pt></c:strCache></c:strRef></c:tx>
<c:spPr><a:ln w="${s.dashed ? 19050 : 28575}" cap="rnd"><a:solidFill><a:srgbClr val="${s.colour}"/></a:solidFill>${s.dashed ? '<a:prstDash val="dash"/>' : ''}<a:round/></a:ln></c:spPr>
<c:marker><c:symbol val="none"/></c:marker>
<c:cat><c:numRef><c:f>${escapeXml(rangeFormula(chart.categories))}</c:f>${numCache(chart.categories, 'mmm yyyy')}</c:numRef></c:cat>
<c:val><c:numRef><c:f>${escapeXml(rangeFormula(s.values))}</c:f>${numCache(s.values, '#,##0')}</c:numRef></c:val>
<c:smooth val="0"/></c:ser>`,
    )
    .join('');
  const title = (text: string, size: number) =>
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="${size}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<c:roundedCorners val="0"/>
<c:chart>${title(chart.title, 1400)}<c:autoTitleDeleted val="0"/>
<c:plotArea><c:layout/>
<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500001"/><c:axId val="500002"/></c:lineChart>
<c:dateAx><c:axId val="500001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="mmm yyyy" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblOffset val="100"/><c:baseTimeUnit val="months"/><c:majorUnit val="3"/><c:majorTimeUnit val="months"/></c:dateAx>
<c:valAx><c:axId val="500002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>${title(chart.yAxisTitle, 1000)}<c:numFmt formatCode="#,##0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>
</c:plotArea>
<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>
</c:chart>
</c:chartSpace>`;
}

function drawingXml(charts: readonly ChartSpec[], firstRelId: number): string {
  const anchors = charts
    .map(
      (chart, i) => `<xdr:twoCellAnchor editAs="oneCell">
<xdr:from><xdr:col>${chart.anchor.fromColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchor.fromRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>
<xdr:to><xdr:col>${chart.anchor.toColumn}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.anchor.toRow}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>
<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${firstRelId + i}"/></a:graphicData></a:graphic>
</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${anchors}</xdr:wsDr>`;
}

const relsXml = (rels: Array<{ id: string; type: string; target: string }>) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('')}</Relationships>`;

const relType = (name: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${name}`;

export function writeXlsx(book: WorkbookSpec): Uint8Array {
  const names = new Set<string>();
  for (const sheet of book.sheets) {
    if (!/^[^[\]:*?/\\]{1,31}$/.test(sheet.name) || names.has(sheet.name)) throw new Error(`export: sheet name "${sheet.name}" is not allowed`);
    names.add(sheet.name);
  }
  const sheetByName = new Map(book.sheets.map((s) => [s.name, s]));
  const cellAt = (ref: RangeRef, row: number) => sheetByName.get(ref.sheet)?.rows[row]?.[ref.column] ?? null;
  const cachedValues = (ref: RangeRef) =>
    Array.from({ length: ref.toRow - ref.fromRow + 1 }, (_, i) => {
      const cell = cellAt(ref, ref.fromRow + i);
      if (typeof cell === 'number') return cell;
      if (cell && typeof cell === 'object' && 'number' in cell) return cell.number;
      if (cell && typeof cell === 'object' && 'date' in cell) return excelSerialFromIso(cell.date);
      return null;
    });
  const cachedText = (ref: RangeRef) => {
    const cell = cellAt(ref, ref.fromRow);
    return typeof cell === 'string' ? cell : cell && typeof cell === 'object' && 'text' in cell ? cell.text : '';
  };

  const entries: ZipEntry[] = [];
  const overrides: string[] = [];
  let chartNumber = 0;
  let drawingNumber = 0;
  book.sheets.forEach((sheet, i) => {
    const charts = sheet.charts ?? [];
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    entries.push({ name: path, data: utf8Bytes(sheetXml(sheet, charts.length > 0)) });
    overrides.push(`<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    if (charts.length) {
      drawingNumber++;
      const drawing = `xl/drawings/drawing${drawingNumber}.xml`;
      entries.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: utf8Bytes(relsXml([{ id: 'rId1', type: relType('drawing'), target: `../drawings/drawing${drawingNumber}.xml` }])) });
      entries.push({ name: drawing, data: utf8Bytes(drawingXml(charts, 1)) });
      overrides.push(`<Override PartName="/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
      const chartRels: Array<{ id: string; type: string; target: string }> = [];
      charts.forEach((chart, k) => {
        chartNumber++;
        const chartPath = `xl/charts/chart${chartNumber}.xml`;
        entries.push({ name: chartPath, data: utf8Bytes(chartXml(chart, cachedValues, cachedText)) });
        overrides.push(`<Override PartName="/${chartPath}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
        chartRels.push({ id: `rId${k + 1}`, type: relType('chart'), target: `../charts/chart${chartNumber}.xml` });
      });
      entries.push({ name: `xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, data: utf8Bytes(relsXml(chartRels)) });
    }
  });

  // Header rows repeat on every printed page of the sheets that have them, and the first columns on the
  // pages of a sheet printed more than one page wide.
  const definedNames = book.sheets
    .map((sheet, i) => {
      const width = Math.max(1, ...sheet.rows.map((r) => r.length));
      const header = sheet.filterHeaderRow;
      const columns = repeatedColumns(sheet);
      const titles = [...(columns ? [`${quoteSheet(sheet.name)}!$A:$${columnName(columns - 1)}`] : []), ...(header !== undefined ? [`${quoteSheet(sheet.name)}!$${header + 1}:$${header + 1}`] : [])];
      const filter = header !== undefined ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quoteSheet(sheet.name)}!${cellRef(0, header, true)}:${cellRef(width - 1, Math.max(header, sheet.rows.length - 1), true)}`)}</definedName>` : '';
      return `${filter}${titles.length ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(titles.join(','))}</definedName>` : ''}`;
    })
    .join('');
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<bookViews><workbookView activeTab="0"/></bookViews>
<sheets>${book.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ''}
</workbook>`;
  entries.unshift(
    {
      name: '[Content_Types].xml',
      data: utf8Bytes(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>${overrides.join('')}</Types>`),
    },
    { name: '_rels/.rels', data: utf8Bytes(relsXml([{ id: 'rId1', type: relType('officeDocument'), target: 'xl/workbook.xml' }, { id: 'rId2', type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' }, { id: 'rId3', type: relType('extended-properties'), target: 'docProps/app.xml' }])) },
    {
      name: 'docProps/core.xml',
      data: utf8Bytes(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(book.title)}</dc:title><dc:creator>${escapeXml(book.author)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(book.created)}</dcterms:created></cp:coreProperties>`),
    },
    { name: 'docProps/app.xml', data: utf8Bytes(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Demand Workbook</Application></Properties>`) },
    { name: 'xl/workbook.xml', data: utf8Bytes(workbook) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8Bytes(relsXml([...book.sheets.map((_, i) => ({ id: `rId${i + 1}`, type: relType('worksheet'), target: `worksheets/sheet${i + 1}.xml` })), { id: `rId${book.sheets.length + 1}`, type: relType('styles'), target: 'styles.xml' }])) },
    { name: 'xl/styles.xml', data: utf8Bytes(stylesXml) },
  );
  return writeZip(entries);
}
