// The parts of an Excel workbook around its sheets: which sheets there are and where, the date system,
// the shared text table, and which cell styles show dates.
import { DecodeUTF8, strFromU8 } from 'fflate';
import { isBuiltInDateFormat, isDateFormatCode } from './number-formats.ts';
import { entryBytes, unpackEntry, type HostInflate, type ZipArchive, type ZipEntry } from './zip-archive.ts';
import { ArchiveFault } from './workbook-read-error.ts';
import { stringItemText, tagAttribute, tagAttributes, unescapeXml } from './xml-text.ts';

export interface SheetPart {
  name: string;
  /** The sheet's entry; null for a chart or dialog sheet, which holds no cells. */
  entry: ZipEntry | null;
}

export interface WorkbookParts {
  sheets: SheetPart[];
  date1904: boolean;
  sharedStrings: (string | null)[];
  dateStyles: boolean[];
  /** Entries read while finding the above (already checked). */
  read: Set<ZipEntry>;
}

const relationshipType = (type: string) => type.slice(type.lastIndexOf('/') + 1);

function text(bytes: Uint8Array): string {
  const t = strFromU8(bytes);
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(archive: ZipArchive, bytes: Uint8Array, part: string, read: Set<ZipEntry>): Array<{ id: string; type: string; target: string }> {
  const slash = part.lastIndexOf('/');
  const entry = archive.find(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  if (!entry) return [];
  read.add(entry);
  const xml = text(entryBytes(bytes, entry));
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const a = tagAttributes(m[0]);
    if (a.get('TargetMode')?.toLowerCase() === 'external') continue;
    out.push({ id: a.get('Id') ?? '', type: relationshipType(a.get('Type') ?? ''), target: resolve(part, unescapeXml(a.get('Target') ?? '')) });
  }
  return out;
}

/** The workbook part, or null when the archive holds no Excel workbook XML (an .xlsb, an .ods, anything else). */
export function findWorkbookPart(archive: ZipArchive, bytes: Uint8Array, read: Set<ZipEntry>): string | null {
  const root = relationships(archive, bytes, '', read).find((r) => r.type === 'officeDocument');
  if (root && archive.find(root.target) && /\.xml$/i.test(root.target)) return root.target;
  return archive.find('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

export function readWorkbookParts(archive: ZipArchive, bytes: Uint8Array, workbookPart: string, read: Set<ZipEntry>, host?: HostInflate): WorkbookParts {
  const workbookEntry = archive.find(workbookPart)!;
  read.add(workbookEntry);
  const xml = text(entryBytes(bytes, workbookEntry));
  const rels = relationships(archive, bytes, workbookPart, read);
  const byId = new Map(rels.map((r) => [r.id, r]));

  const properties = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(xml);
  const date1904Text = properties ? tagAttribute(properties[0], 'date1904') : undefined;
  const date1904 = date1904Text === '1' || date1904Text === 'true';

  const sheets: SheetPart[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = tagAttributes(m[0]);
    const name = unescapeXml(a.get('name') ?? '');
    const idKey = [...a.keys()].find((k) => k !== 'sheetId' && /(^|:)id$/.test(k));
    const rel = idKey ? byId.get(a.get(idKey)!) : undefined;
    if (!rel) throw new ArchiveFault('damaged', `sheet ${name} has no relationship`, workbookPart);
    if (rel.type !== 'worksheet') {
      sheets.push({ name, entry: null });
      continue;
    }
    const entry = archive.find(rel.target);
    if (!entry) throw new ArchiveFault('damaged', `sheet ${name} at ${rel.target} is missing`, workbookPart);
    sheets.push({ name, entry });
  }

  const stylesRel = rels.find((r) => r.type === 'styles');
  const stylesEntry = stylesRel ? archive.find(stylesRel.target) : undefined;
  let dateStyles: boolean[] = [];
  if (stylesEntry) {
    read.add(stylesEntry);
    dateStyles = readDateStyles(text(entryBytes(bytes, stylesEntry)));
  }

  const stringsRel = rels.find((r) => r.type === 'sharedStrings');
  const stringsEntry = stringsRel ? archive.find(stringsRel.target) : undefined;
  let sharedStrings: (string | null)[] = [];
  if (stringsEntry) {
    read.add(stringsEntry);
    sharedStrings = readSharedStrings(bytes, stringsEntry, host);
  }
  return { sheets, date1904, sharedStrings, dateStyles, read };
}

function readDateStyles(xml: string): boolean[] {
  const formats = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const a = tagAttributes(m[0]);
    formats.set(parseInt(a.get('numFmtId') ?? '', 10), unescapeXml(a.get('formatCode') ?? ''));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  if (!cellXfs) return [];
  const out: boolean[] = [];
  for (const m of cellXfs[1]!.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = parseInt(tagAttribute(m[0], 'numFmtId') ?? '0', 10);
    const custom = formats.get(id);
    out.push(custom !== undefined ? isDateFormatCode(custom) : isBuiltInDateFormat(id));
  }
  return out;
}

// The text table can be large: it is read as it is unpacked, one string item at a time.
function readSharedStrings(bytes: Uint8Array, entry: ZipEntry, host?: HostInflate): (string | null)[] {
  const strings: (string | null)[] = [];
  let pending = '';
  let open = '';
  let close = '';
  const take = (slice: string) => {
    pending += slice;
    if (!open) {
      const start = /<(\w+:)?sst\b/.exec(pending);
      if (!start) return;
      const p = start[1] ?? '';
      open = `<${p}si`;
      close = `</${p}si>`;
    }
    let pos = 0;
    for (;;) {
      const at = pending.indexOf(open, pos);
      if (at < 0) {
        pos = Math.max(pos, pending.length - open.length);
        break;
      }
      const code = pending.charCodeAt(at + open.length);
      if (code !== 62 && code !== 32 && code !== 47) {
        pos = at + 1;
        continue;
      }
      const gt = pending.indexOf('>', at);
      if (gt < 0) {
        pos = at;
        break;
      }
      if (pending.charCodeAt(gt - 1) === 47) {
        strings.push(null);
        pos = gt + 1;
        continue;
      }
      const end = pending.indexOf(close, gt);
      if (end < 0) {
        pos = at;
        break;
      }
      strings.push(stringItemText(pending.slice(gt + 1, end)));
      pos = end + close.length;
    }
    pending = pending.slice(pos);
  };
  const decoder = new DecodeUTF8((slice) => take(slice));
  unpackEntry(bytes, entry, (chunk) => (decoder.push(chunk), true), undefined, host);
  decoder.push(new Uint8Array(0), true);
  return strings;
}
