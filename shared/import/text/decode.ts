// Bytes of a CSV or TSV file to text. Files saved by Excel on Windows are often Windows-1252 ("ANSI"),
// others UTF-8 with or without a byte-order mark, occasionally UTF-16 ("Unicode text"). Pure code: the
// same in the window, a worker and Node.
import { strFromU8 } from 'fflate';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

// Windows-1252 differs from Latin-1 only in 0x80-0x9F: curly quotes, dashes, the euro sign...
const cp1252High: readonly number[] = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

/** The first `length` UTF-16 code units of `units` as one flat string, made a chunk at a time (argument lists have a limit). */
function fromCodeUnits(units: Uint16Array, length: number): string {
  const parts: string[] = [];
  for (let i = 0; i < length; i += 8192) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(i + 8192, length)) as unknown as number[]));
  return parts.join('');
}

/** Whether the bytes from `start` are valid UTF-8: no overlong forms, surrogates, code points past U+10FFFF or cut-off sequences. */
function isValidUtf8(bytes: Uint8Array, start: number): boolean {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (cp = b & 0x1f), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (cp = b & 0x0f), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (cp = b & 0x07), (min = 0x10000);
    else return false;
    if (i + need >= n) return false; // cut off at the end
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

/** Strict UTF-8: returns null at the first invalid sequence, so the caller can fall back to Windows-1252. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string | null {
  if (!isValidUtf8(bytes, start)) return null;
  // Checked, the bytes are turned into text by fflate, through the runtime's own decoder where it has one
  // (several times faster than a loop here). That decoder drops a byte-order mark at the start, so marks
  // the text begins with (after the file's own) are kept here, as the file has them.
  let from = start;
  while (bytes[from] === 0xef && bytes[from + 1] === 0xbb && bytes[from + 2] === 0xbf) from += 3;
  const text = strFromU8(from === 0 ? bytes : bytes.subarray(from));
  return from === start ? text : '\uFEFF'.repeat((from - start) / 3) + text;
}

export function decodeWindows1252(bytes: Uint8Array, start = 0): string {
  const units = new Uint16Array(Math.max(0, bytes.length - start));
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    units[i - start] = b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80]! : b;
  }
  return fromCodeUnits(units, units.length);
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const units = new Uint16Array(Math.max(0, (bytes.length - start) >> 1));
  let n = 0;
  for (let i = start; i + 1 < bytes.length; i += 2) units[n++] = littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;
  return fromCodeUnits(units, n);
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Strict(bytes, 3) ?? decodeWindows1252(bytes, 3), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be' };
  const utf8 = decodeUtf8Strict(bytes);
  return utf8 !== null ? { text: utf8, encoding: 'utf-8' } : { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
