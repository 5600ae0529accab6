// A worksheet's XML read as the bytes it unpacks to, not as decoded text: the markup is ASCII, so tags and
// numbers are read byte by byte, and only a cell's text is ever made into a string (UTF-8 decoded then).
import { strFromU8 } from 'fflate';
import { unescapeXml } from './xml-text.ts';

export const noBytes = new Uint8Array(0);

/** The ASCII bytes of markup such as "</row>". */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Whether b holds `pattern` at `at` (false where b ends first). */
export function bytesAt(b: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > b.length) return false;
  for (let i = 0; i < pattern.length; i++) if (b[at + i] !== pattern[i]) return false;
  return true;
}

/** Where `pattern` (starting with "<") next occurs in b from `from`; -1 if it does not. */
export function findMarkup(b: Uint8Array, pattern: Uint8Array, from: number): number {
  const first = pattern[0]!;
  for (let at = b.indexOf(first, from); at >= 0; at = b.indexOf(first, at + 1)) if (bytesAt(b, at, pattern)) return at;
  return -1;
}

/** Bytes read one per character: right for markup, which is ASCII, and for finding where things are. */
export function latin1Text(b: Uint8Array, start: number, end: number): string {
  return strFromU8(b.subarray(start, end), true);
}

/** UTF-8 bytes as text. */
export function utf8Text(b: Uint8Array, start: number, end: number): string {
  return strFromU8(b.subarray(start, end));
}

/** Element text as the person typed it (see unescapeXml), skipping the work when there is nothing to undo. */
export function unescaped(text: string): string {
  return text.indexOf('&') < 0 && text.indexOf('_x') < 0 && text.indexOf('\r') < 0 && text.indexOf('<') < 0 ? text : unescapeXml(text);
}

// Text cells repeat ("a) Male", "Duty and Assessment"): a short text seen recently in the same sheet is
// handed back as the same string, found by a hash of its bytes in place. Fewer strings to make and
// collect, and the value readers' caches, keyed by these strings, find them at once.
const internSlots = 4096;

export class ByteTextInterner {
  private readonly keys: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(internSlots);
  private readonly values: string[] = new Array<string>(internSlots);

  /** The text of the element content b[start, end), escapes undone. */
  text(b: Uint8Array, start: number, end: number): string {
    const length = end - start;
    if (length > 64) return unescaped(utf8Text(b, start, end));
    // A hash of the length and a few bytes: the texts that repeat in a column differ there, and the
    // comparison below settles the rest.
    const hash = length === 0 ? 0 : Math.imul(Math.imul(length, 31) + b[start]!, 31) + b[end - 1]! + Math.imul(b[start + (length >> 1)]!, 7) + Math.imul(b[start + (length >> 2)]!, 131);
    const slot = hash & (internSlots - 1);
    const key = this.keys[slot];
    if (key !== undefined && key.length === length) {
      let same = true;
      for (let i = 0; i < length; i++) {
        if (key[i] !== b[start + i]) {
          same = false;
          break;
        }
      }
      if (same) return this.values[slot]!;
    }
    const value = unescaped(utf8Text(b, start, end));
    this.keys[slot] = b.slice(start, end);
    this.values[slot] = value;
    return value;
  }
}
