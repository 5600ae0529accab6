// Child IDs are replaced at import by a keyed pseudonym: HMAC-SHA-256 under a random key that belongs to
// the workbook. The same child gets the same pseudonym across lists and extracts of one workbook, and
// nobody without the key can go back from pseudonym to ID, or test a guessed ID. Pure code (no Web Crypto,
// no Node crypto) so it runs the same in the window, a worker, the backend and the CLI.
import { utf8Bytes } from '../text/utf8.ts';
import { cellText, type Cell } from './cells.ts';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** One SHA-256 compression of the 64-byte block at `offset` into `state` (plain locals: no allocation). */
function compress(state: Uint32Array, w: Uint32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = ((bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!) >>> 0;
  }
  compressWords(state, w);
}

/** The compression of the block already in w[0..15] (big-endian words); w[16..63] is overwritten. */
function compressWords(state: Uint32Array, w: Uint32Array): void {
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) >>> 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) >>> 0;
  }
  state[0] = (state[0]! + a) >>> 0; state[1] = (state[1]! + b) >>> 0; state[2] = (state[2]! + c) >>> 0; state[3] = (state[3]! + d) >>> 0;
  state[4] = (state[4]! + e) >>> 0; state[5] = (state[5]! + f) >>> 0; state[6] = (state[6]! + g) >>> 0; state[7] = (state[7]! + h) >>> 0;
}

const initialState = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const scratch = new Uint32Array(64);

const shortBlock = new Uint8Array(64);

/** SHA-256 of `message`, continuing from `state` after `prefixBytes` bytes already compressed. */
function finish(state: Uint32Array, message: Uint8Array, prefixBytes: number, out = new Uint8Array(32)): Uint8Array {
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
  return finish(Uint32Array.from(initialState), message, 0);
}

/** The SHA-256 state after the key's inner and outer HMAC pad blocks: compressed once per key. */
function keyPads(key: Uint8Array): { inner: Uint32Array; outer: Uint32Array } {
  const block = key.length > 64 ? sha256(key) : key;
  const pad = (xor: number) => {
    const bytes = new Uint8Array(64);
    for (let i = 0; i < 64; i++) bytes[i] = (block[i] ?? 0) ^ xor;
    const state = Uint32Array.from(initialState);
    compress(state, scratch, bytes, 0);
    return state;
  };
  return { inner: pad(0x36), outer: pad(0x5c) };
}

/** HMAC-SHA-256 with the key's inner and outer pad blocks compressed once, for hashing many IDs. */
export function createHmacSha256(key: Uint8Array): (message: Uint8Array) => Uint8Array {
  const { inner, outer } = keyPads(key);
  const innerDigest = new Uint8Array(32);
  const state = new Uint32Array(8);
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
function createShortAsciiHmac(key: Uint8Array): (id: string, out: Uint32Array) => boolean {
  const { inner, outer } = keyPads(key);
  const w = new Uint32Array(64);
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
    w[8] = 0x80000000;
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

/** key: at least 16 random bytes, made once per workbook and stored with it. */
export function createPseudonymiser(key: Uint8Array): Pseudonymiser {
  if (key.length < 16) throw new Error('pseudonym key: must be at least 16 bytes');
  const cache = new Map<string, string>();
  const hmac = createHmacSha256(key);
  const shortHmac = createShortAsciiHmac(key);
  const digest = new Uint32Array(8);
  // The letter for a digest byte: base 32 of its low five bits.
  const letter = (word: number, shift: number) => base32Codes[(word >>> shift) & 31]!;
  return (rawId) => {
    const id = normaliseChildId(rawId);
    let pseudonym = cache.get(id);
    if (pseudonym === undefined) {
      if (!shortHmac(id, digest)) {
        const bytes = hmac(utf8Bytes(id));
        for (let i = 0; i < 8; i++) digest[i] = ((bytes[i * 4]! << 24) | (bytes[i * 4 + 1]! << 16) | (bytes[i * 4 + 2]! << 8) | bytes[i * 4 + 3]!) >>> 0;
      }
      const a = digest[0]!, b = digest[1]!, c = digest[2]!;
      // "C" and the letters of the digest's first twelve bytes, in one string.
      pseudonym = String.fromCharCode(67, letter(a, 24), letter(a, 16), letter(a, 8), letter(a, 0), letter(b, 24), letter(b, 16), letter(b, 8), letter(b, 0), letter(c, 24), letter(c, 16), letter(c, 8), letter(c, 0));
      cache.set(id, pseudonym);
    }
    return pseudonym;
  };
}
