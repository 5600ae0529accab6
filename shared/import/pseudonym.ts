// Child IDs are replaced at import by a keyed pseudonym: HMAC-SHA-256 under a random key that belongs to
// the workbook. The same child gets the same pseudonym across lists and extracts of one workbook, and
// nobody without the key can go back from pseudonym to ID, or test a guessed ID. Pure code (no Web Crypto,
// no Node crypto) so it runs the same in the window, a worker, the backend and the CLI.
import { utf8Bytes } from '../text/utf8.ts';
import { cellText, type Cell } from './cells.ts';
import { slotOf, StringTable } from './text/string-table.ts';

// Words are kept as signed 32-bit integers throughout (the same bits): the compiled code then never
// meets a number above 2^31 that it would have to keep as a double.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** One SHA-256 compression of the 64-byte block at `offset` into `state` (plain locals: no allocation). */
function compress(state: Int32Array, w: Int32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  compressWords(state, w);
}

/** The compression of the block already in w[0..15] (big-endian words); w[16..63] is overwritten. */
function compressWords(state: Int32Array, w: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  let t1 = 0;
  // Eight rounds at a time, the variables' roles turning one place a round (what was h becomes the new a,
  // d the new e), so that no round moves eight values along: the same rounds, in fewer instructions.
  for (let i = 0; i < 64; i += 8) {
    t1 = (h + ((((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))) + ((e & f) ^ (~e & g)) + K[i + 0]! + w[i + 0]!) | 0;
    d = (d + t1) | 0;
    h = (t1 + ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c)))) | 0;
    t1 = (g + ((((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7)))) + ((d & e) ^ (~d & f)) + K[i + 1]! + w[i + 1]!) | 0;
    c = (c + t1) | 0;
    g = (t1 + ((((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10))) + ((h & a) ^ (h & b) ^ (a & b)))) | 0;
    t1 = (f + ((((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7)))) + ((c & d) ^ (~c & e)) + K[i + 2]! + w[i + 2]!) | 0;
    b = (b + t1) | 0;
    f = (t1 + ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) + ((g & h) ^ (g & a) ^ (h & a)))) | 0;
    t1 = (e + ((((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7)))) + ((b & c) ^ (~b & d)) + K[i + 3]! + w[i + 3]!) | 0;
    a = (a + t1) | 0;
    e = (t1 + ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) + ((f & g) ^ (f & h) ^ (g & h)))) | 0;
    t1 = (d + ((((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7)))) + ((a & b) ^ (~a & c)) + K[i + 4]! + w[i + 4]!) | 0;
    h = (h + t1) | 0;
    d = (t1 + ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) + ((e & f) ^ (e & g) ^ (f & g)))) | 0;
    t1 = (c + ((((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7)))) + ((h & a) ^ (~h & b)) + K[i + 5]! + w[i + 5]!) | 0;
    g = (g + t1) | 0;
    c = (t1 + ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) + ((d & e) ^ (d & f) ^ (e & f)))) | 0;
    t1 = (b + ((((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7)))) + ((g & h) ^ (~g & a)) + K[i + 6]! + w[i + 6]!) | 0;
    f = (f + t1) | 0;
    b = (t1 + ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) + ((c & d) ^ (c & e) ^ (d & e)))) | 0;
    t1 = (a + ((((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7)))) + ((f & g) ^ (~f & h)) + K[i + 7]! + w[i + 7]!) | 0;
    e = (e + t1) | 0;
    a = (t1 + ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) + ((b & c) ^ (b & d) ^ (c & d)))) | 0;

  }
  state[0] = (state[0]! + a) | 0; state[1] = (state[1]! + b) | 0; state[2] = (state[2]! + c) | 0; state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0; state[5] = (state[5]! + f) | 0; state[6] = (state[6]! + g) | 0; state[7] = (state[7]! + h) | 0;
}

const initialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const scratch = new Int32Array(64);

const shortBlock = new Uint8Array(64);

/** SHA-256 of `message`, continuing from `state` after `prefixBytes` bytes already compressed. */
function finish(state: Int32Array, message: Uint8Array, prefixBytes: number, out = new Uint8Array(32)): Uint8Array {
  const bitLength = (prefixBytes + message.length) * 8;
  // Child IDs and inner digests fit one block: pad them in a reused buffer rather than a new one.
  const padded = message.length <= 55 ? shortBlock.fill(0) : new Uint8Array(((message.length + 9 + 63) >> 6) << 6);
  padded.set(message);
  padded[message.length] = 0x80;
  const end = padded.length;
  const high = Math.floor(bitLength / 2 ** 32);
  const low = bitLength >>> 0;
  padded[end - 8] = high >>> 24; padded[end - 7] = (high >>> 16) & 255; padded[end - 6] = (high >>> 8) & 255; padded[end - 5] = high & 255;
  padded[end - 4] = low >>> 24; padded[end - 3] = (low >>> 16) & 255; padded[end - 2] = (low >>> 8) & 255; padded[end - 1] = low & 255;
  for (let offset = 0; offset < padded.length; offset += 64) compress(state, scratch, padded, offset);
  for (let i = 0; i < 8; i++) {
    out[i * 4] = state[i]! >>> 24;
    out[i * 4 + 1] = (state[i]! >>> 16) & 255;
    out[i * 4 + 2] = (state[i]! >>> 8) & 255;
    out[i * 4 + 3] = state[i]! & 255;
  }
  return out;
}

export function sha256(message: Uint8Array): Uint8Array {
  return finish(Int32Array.from(initialState), message, 0);
}

/** The SHA-256 state after the key's inner and outer HMAC pad blocks: compressed once per key. */
function keyPads(key: Uint8Array): { inner: Int32Array; outer: Int32Array } {
  const block = key.length > 64 ? sha256(key) : key;
  const pad = (xor: number) => {
    const bytes = new Uint8Array(64);
    for (let i = 0; i < 64; i++) bytes[i] = (block[i] ?? 0) ^ xor;
    const state = Int32Array.from(initialState);
    compress(state, scratch, bytes, 0);
    return state;
  };
  return { inner: pad(0x36), outer: pad(0x5c) };
}

/** HMAC-SHA-256 with the key's inner and outer pad blocks compressed once, for hashing many IDs. */
export function createHmacSha256(key: Uint8Array): (message: Uint8Array) => Uint8Array {
  const { inner, outer } = keyPads(key);
  const innerDigest = new Uint8Array(32);
  const state = new Int32Array(8);
  return (message) => {
    state.set(inner);
    finish(state, message, 64, innerDigest);
    state.set(outer);
    return finish(state, innerDigest, 64);
  };
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return createHmacSha256(key)(message);
}

/** The ID as the authority means it: 1234, "1234", "01234" and "1234.0" are one child. */
export function normaliseChildId(cell: Cell): string {
  // The usual ID, digits without a leading zero, is already in its normal form.
  if (typeof cell === 'string' && (isPlainNumber(cell) || isPlainCode(cell))) return cell;
  if (typeof cell === 'number' && Number.isSafeInteger(cell) && cell >= 0) return String(cell);
  const text = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : cellText(cell);
  const compact = text.replace(/\s+/g, '').toUpperCase();
  if (/^\d+(\.0+)?$/.test(compact)) return compact.replace(/\.0+$/, '').replace(/^0+(?=\d)/, '');
  return compact;
}

function isPlainNumber(text: string): boolean {
  if (text.length === 0 || text.length > 15 || (text.charCodeAt(0) === 48 && text.length > 1)) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Capital letters and digits with at least one letter ("H1234", "AB12"): nothing to compact, fold or trim. */
function isPlainCode(text: string): boolean {
  if (text.length === 0) return false;
  let letter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) letter = true;
    else if (c < 48 || c > 57) return false;
  }
  return letter;
}

const base32 = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789'; // no I, L, O, U: nothing to misread
const base32Codes = Array.from(base32, (c) => c.charCodeAt(0));

/** The longest ASCII ID whose HMAC inner message fits one block after the key block (64 + 55 + 9 <= 128). */
const longestOneBlockId = 55;

/**
 * HMAC-SHA-256 of a short ASCII ID, written straight into the message schedule from its character codes:
 * no byte array per ID, and the outer hash takes the inner digest as words. Two compressions per ID,
 * as in the general code; null when the ID is longer or not ASCII (the general code takes those).
 */
function createShortAsciiHmac(key: Uint8Array): (id: string, out: Int32Array) => boolean {
  const { inner, outer } = keyPads(key);
  const w = new Int32Array(64);
  return (id, out) => {
    const n = id.length;
    if (n > longestOneBlockId) return false;
    w.fill(0, 0, 16);
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c > 0x7f) return false;
      w[i >> 2] = w[i >> 2]! | (c << (24 - 8 * (i & 3)));
    }
    w[n >> 2] = w[n >> 2]! | (0x80 << (24 - 8 * (n & 3)));
    w[15] = (64 + n) * 8; // bits after the key block
    out.set(inner);
    compressWords(out, w);
    for (let i = 0; i < 8; i++) w[i] = out[i]!;
    w[8] = 0x80000000 | 0;
    w.fill(0, 9, 15);
    w[15] = (64 + 32) * 8;
    out.set(outer);
    compressWords(out, w);
    return true;
  };
}

export interface Pseudonymiser {
  (rawId: Cell): string;
}

/** The letters of a pseudonym after its "C": base 32 of the low five bits of the digest's first twelve bytes. */
function pseudonymOfDigest(a: number, b: number, c: number): string {
  const letter = (word: number, shift: number) => base32Codes[(word >>> shift) & 31]!;
  return String.fromCharCode(67, letter(a, 24), letter(a, 16), letter(a, 8), letter(a, 0), letter(b, 24), letter(b, 16), letter(b, 8), letter(b, 0), letter(c, 24), letter(c, 16), letter(c, 8), letter(c, 0));
}

/**
 * The children of an import, numbered 0, 1, 2... in the order they are first met: two IDs are the same
 * child exactly when they have the same pseudonym (always the same normalised ID, unless two IDs' HMACs
 * agree in all sixty bits the pseudonym keeps). The import matches rows by these numbers, through arrays
 * rather than a table of pseudonyms.
 */
export class ChildRegister {
  private readonly ids: StringTable;
  /** The pseudonym of each child met (the first `count`). */
  private readonly pseudonyms: string[];
  private count = 0;
  /** The sixty bits of each pseudonym made, as two 30-bit halves: a slot every 2 numbers (-1: empty). */
  private bits: Int32Array;
  private bitsCount = 0;
  private readonly digest = new Int32Array(8);
  private readonly hmac: (message: Uint8Array) => Uint8Array;
  private readonly shortHmac: (id: string, out: Int32Array) => boolean;

  /**
   * key: at least 16 random bytes, made once per workbook and stored with it. `expected`: about how many
   * children there may be (the rows to be read, say), so that the tables are made big enough at once.
   */
  constructor(key: Uint8Array, expected = 512) {
    if (key.length < 16) throw new Error('pseudonym key: must be at least 16 bytes');
    this.ids = new StringTable(expected);
    this.pseudonyms = new Array<string>(expected); // no copy as it grows, for as many as expected
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.bits = new Int32Array(2 * slots).fill(-1);
    this.hmac = createHmacSha256(key);
    this.shortHmac = createShortAsciiHmac(key);
  }

  /** How many children have been met. */
  get size(): number {
    return this.count;
  }

  /** The child's number, from its ID as the list holds it. */
  numberOf(rawId: Cell): number {
    const id = normaliseChildId(rawId);
    const next = this.count;
    const known = this.ids.getOrAdd(id, next);
    if (known >= 0) return known;
    const digest = this.digest;
    if (!this.shortHmac(id, digest)) {
      const bytes = this.hmac(utf8Bytes(id));
      for (let i = 0; i < 8; i++) digest[i] = (bytes[i * 4]! << 24) | (bytes[i * 4 + 1]! << 16) | (bytes[i * 4 + 2]! << 8) | bytes[i * 4 + 3]!;
    }
    const a = digest[0]!, b = digest[1]!, c = digest[2]!;
    const five = (word: number, shift: number) => (word >>> shift) & 31;
    const high = (five(a, 24) << 25) | (five(a, 16) << 20) | (five(a, 8) << 15) | (five(a, 0) << 10) | (five(b, 24) << 5) | five(b, 16);
    const low = (five(b, 8) << 25) | (five(b, 0) << 20) | (five(c, 24) << 15) | (five(c, 16) << 10) | (five(c, 8) << 5) | five(c, 0);
    const pseudonym = pseudonymOfDigest(a, b, c);
    if (!this.noteBits(high, low)) {
      // Another ID with the same pseudonym: the same child, as far as a pseudonym can tell.
      const same = this.pseudonyms.indexOf(pseudonym); // always one of the first `count`
      this.ids.set(id, same);
      return same;
    }
    this.pseudonyms[this.count++] = pseudonym;
    return next;
  }

  /** The pseudonym of a child by its number. */
  pseudonymOf(child: number): string {
    return this.pseudonyms[child]!;
  }

  /** Notes a pseudonym's bits; false when they were noted before (another ID with the same pseudonym). */
  private noteBits(high: number, low: number): boolean {
    let bits = this.bits;
    let mask = (bits.length >> 1) - 1;
    let slot = slotOf(high ^ Math.imul(low, 0x2c1b3c6d), mask);
    for (;;) {
      const found = bits[2 * slot]!;
      if (found < 0) break;
      if (found === high && bits[2 * slot + 1] === low) return false;
      slot = (slot + 1) & mask;
    }
    bits[2 * slot] = high;
    bits[2 * slot + 1] = low;
    if (++this.bitsCount * 2 > mask + 1) {
      // Half full: twice the room, every pseudonym's bits placed again.
      const old = bits;
      this.bits = bits = new Int32Array(old.length * 2).fill(-1);
      mask = (bits.length >> 1) - 1;
      for (let i = 0; i < old.length; i += 2) {
        if (old[i]! < 0) continue;
        let s = slotOf(old[i]! ^ Math.imul(old[i + 1]!, 0x2c1b3c6d), mask);
        while (bits[2 * s]! >= 0) s = (s + 1) & mask;
        bits[2 * s] = old[i]!;
        bits[2 * s + 1] = old[i + 1]!;
      }
    }
    return true;
  }
}

/** key: at least 16 random bytes, made once per workbook and stored with it; `expected`: about how many IDs there may be. */
export function createPseudonymiser(key: Uint8Array, expected?: number): Pseudonymiser {
  const children = new ChildRegister(key, expected);
  return (rawId) => children.pseudonymOf(children.numberOf(rawId));
}
