// Hand-made Excel workbooks for the reader's tests: any sheet XML, any date system, and parts that unpack
// to far more than they state (zip bombs), built without ever holding the unpacked text.
import { strToU8, zipSync } from 'fflate';
import { crc32 } from '../../shared/import/xlsx/crc32.ts';

const contentTypes = (sheets: number, sharedStrings: boolean) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
  Array.from({ length: sheets }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
  `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
  (sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
  `</Types>`;
const rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export interface CraftedSheet {
  name: string;
  /** The whole worksheet XML, or the rows alone (wrapped in sheetData). */
  xml?: string;
  rows?: string;
}

/** The parts of a workbook with these sheets; styles give style 1 the date format dd/mm/yyyy. */
export function workbookParts(sheets: readonly CraftedSheet[], options: { date1904?: boolean; sharedStrings?: readonly string[] } = {}): Record<string, string> {
  const parts: Record<string, string> = {
    '[Content_Types].xml': contentTypes(sheets.length, !!options.sharedStrings),
    '_rels/.rels': rootRels,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}>${options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>${options.sharedStrings ? '<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  };
  if (options.sharedStrings) {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${options.sharedStrings.length}">${options.sharedStrings.map((t) => `<si><t xml:space="preserve">${escape(t)}</t></si>`).join('')}</sst>`;
  }
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml ?? `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${s.rows ?? ''}</sheetData></worksheet>`;
  });
  return parts;
}

export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, typeof text === 'string' ? strToU8(text) : text])), { level: 6 });
}

export function craftWorkbook(sheets: readonly CraftedSheet[], options: { date1904?: boolean; sharedStrings?: readonly string[] } = {}): Uint8Array {
  return zipParts(workbookParts(sheets, options));
}

// A raw deflate stream, written bit by bit with the fixed Huffman codes: text, then a pattern copied over
// and over (258 bytes per copy code, a few bits each), then more text. Kilobytes in, gigabytes out.
const distanceBases = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];

function repeatStream(prefix: Uint8Array, pattern: Uint8Array, copies: number, suffix: Uint8Array): Uint8Array {
  const out: number[] = [];
  let bitBuffer = 0;
  let bitCount = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      bitBuffer |= ((value >> i) & 1) << bitCount;
      if (++bitCount === 8) (out.push(bitBuffer), (bitBuffer = 0), (bitCount = 0));
    }
  };
  const huffman = (code: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits((code >> i) & 1, 1); // most significant bit first
  };
  const literal = (byte: number) => (byte <= 143 ? huffman(0x30 + byte, 8) : huffman(0x190 + byte - 144, 9));
  bits(1, 1); // final block
  bits(1, 2); // fixed Huffman codes
  for (const b of prefix) literal(b);
  for (const b of pattern) literal(b);
  const code = distanceBases.findLastIndex((base) => base <= pattern.length);
  for (let i = 0; i < copies; i++) {
    huffman(0xc5, 8); // length 258
    huffman(code, 5);
    bits(pattern.length - distanceBases[code]!, distanceExtra[code]!);
  }
  for (const b of suffix) literal(b);
  huffman(0, 7); // end of block
  if (bitCount > 0) out.push(bitBuffer);
  return new Uint8Array(out);
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A sheet part made of `prefix`, then `pattern` at least `times` times over, then `suffix`, deflated without
 * ever being held whole. Returns the deflated bytes, the true size and checksum.
 */
export function repeatedPart(prefix: string, pattern: string, times: number, suffix: string, withChecksum = true): { deflated: Uint8Array; size: number; crc: number } {
  const [p, r, s] = [strToU8(prefix), strToU8(pattern), strToU8(suffix)];
  // Copies of 258 bytes must end on a whole pattern.
  const copiesPerCycle = r.length / gcd(258, r.length);
  const copies = Math.ceil(((times - 1) * r.length) / 258 / copiesPerCycle) * copiesPerCycle;
  const repeatedBytes = r.length + copies * 258;
  let crc = crc32(p);
  const block = new Uint8Array(r.length * Math.max(1, Math.floor((1 << 20) / r.length)));
  for (let at = 0; at < block.length; at += r.length) block.set(r, at);
  let left = withChecksum ? repeatedBytes : 0;
  while (left > 0) {
    const n = Math.min(left, block.length);
    crc = crc32(block.subarray(0, n), crc);
    left -= n;
  }
  crc = crc32(s, crc);
  return { deflated: repeatStream(p, r, copies, s), size: p.length + repeatedBytes + s.length, crc };
}

/** A workbook whose first sheet is given as a deflated part (with whatever size and checksum it states). */
export function workbookWithPart(name: string, part: { deflated: Uint8Array; size: number; crc: number }, otherSheets: readonly CraftedSheet[] = []): Uint8Array {
  const base = workbookParts([{ name }, ...otherSheets]);
  delete base['xl/worksheets/sheet1.xml'];
  return appendRawEntry(zipParts(base), 'xl/worksheets/sheet1.xml', part.deflated, part.size, part.crc);
}

export const worksheetStart = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>`;
export const worksheetEnd = '</sheetData></worksheet>';

/**
 * An .xlsx whose first sheet holds one cell of text that unpacks to about `megabytes` MB. The directory states
 * `statedBytes` for it (the true size, or a lie); its checksum is not worked out (it is never reached).
 */
export function bombWorkbook(megabytes: number, statedBytes: number | 'true-size'): Uint8Array {
  const part = repeatedPart(`${worksheetStart}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'A', megabytes * 1024 * 1024, `</t></is></c></row>${worksheetEnd}`, false);
  return workbookWithPart('Referrals', statedBytes === 'true-size' ? part : { ...part, size: statedBytes });
}

// Adds one deflated entry, as given, to a zip written by zipSync (rewriting its directory).
function appendRawEntry(zip: Uint8Array, name: string, deflated: Uint8Array, size: number, crc: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  const nameBytes = strToU8(name);
  const local = new Uint8Array(30 + nameBytes.length);
  const lv = new DataView(local.buffer);
  lv.setUint32(0, 0x04034b50, true);
  lv.setUint16(4, 20, true);
  lv.setUint16(8, 8, true);
  lv.setUint32(14, crc, true);
  lv.setUint32(18, deflated.length, true);
  lv.setUint32(22, size, true);
  lv.setUint16(26, nameBytes.length, true);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  const cv = new DataView(central.buffer);
  cv.setUint32(0, 0x02014b50, true);
  cv.setUint16(4, 20, true);
  cv.setUint16(6, 20, true);
  cv.setUint16(10, 8, true);
  cv.setUint32(16, crc, true);
  cv.setUint32(20, deflated.length, true);
  cv.setUint32(24, size, true);
  cv.setUint16(28, nameBytes.length, true);
  cv.setUint32(42, directoryStart, true);
  central.set(nameBytes, 46);
  const directory = zip.subarray(directoryStart, directoryStart + directorySize);
  const out = new Uint8Array(directoryStart + local.length + deflated.length + directory.length + central.length + 22);
  let at = 0;
  const put = (b: Uint8Array) => (out.set(b, at), (at += b.length));
  put(zip.subarray(0, directoryStart));
  put(local);
  put(deflated);
  const newDirectoryStart = at;
  put(directory);
  put(central);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, count + 1, true);
  ev.setUint16(10, count + 1, true);
  ev.setUint32(12, directory.length + central.length, true);
  ev.setUint32(16, newDirectoryStart, true);
  put(eocd);
  return out;
}
