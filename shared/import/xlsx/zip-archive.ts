// The zip container of a workbook: its directory read and cross-checked against each entry's own header,
// and each entry unpacked in slices, its size and CRC-32 checked, and never more than the caps allow.
// Anything that does not add up is a damaged file, said as such; nothing is guessed.
import { Inflate } from 'fflate';
import { crc32 } from './crc32.ts';
import { maxEntries, maxPartBytes } from './read-limits.ts';
import { ArchiveFault } from './workbook-read-error.ts';

export interface ZipEntry {
  /** The name as stored, with / separators. */
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start and end in the file. */
  dataStart: number;
  dataEnd: number;
}

/**
 * An inflater the host lends the reader where it has one: Node's zlib in the backend and the command, several
 * times faster than inflating in JavaScript. It unpacks a whole entry at once, never to more than `maxBytes`.
 */
export interface HostInflate {
  /** Throws when the raw deflate stream is damaged, cut short, or would unpack to more than `maxBytes`. */
  inflateRaw(compressed: Uint8Array, maxBytes: number): Uint8Array;
  /** Continues a CRC-32 over more bytes, as crc32.ts does. */
  crc32(bytes: Uint8Array, crc: number): number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Looks an entry up by name, ignoring case and a leading slash (writers differ). */
  find(name: string): ZipEntry | undefined;
}

const localSignature = 0x04034b50;
const centralSignature = 0x02014b50;
const endSignature = 0x06054b50;
const zip64EndSignature = 0x06064b50;
const zip64LocatorSignature = 0x07064b50;

/** Starts as a zip does ("PK"): a file cut short after these two bytes is still a zip, an incomplete one. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

const damaged = (detail: string) => new ArchiveFault('damaged', detail);

// Workbook part names are ASCII; any other name is kept byte for byte, which is all matching needs.
function decodeName(bytes: Uint8Array): string {
  let name = '';
  for (let i = 0; i < bytes.length; i++) name += String.fromCharCode(bytes[i]!);
  return name.replace(/\\/g, '/');
}

export function openZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.length;
  if (length < 22) throw new ArchiveFault('incomplete', `only ${length} bytes`);
  // The end record sits at the very end, after a comment of the length it states.
  let end = -1;
  for (let at = length - 22; at >= Math.max(0, length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === endSignature && at + 22 + view.getUint16(at + 20, true) === length) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    // A zip that starts right but has no end record was cut short.
    if (looksLikeZip(bytes)) throw new ArchiveFault('incomplete', 'no end of central directory record');
    throw new ArchiveFault('not-a-workbook', 'not a zip file');
  }
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let directoryStart = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || view.getUint16(end + 8, true) !== count) throw damaged('multi-disk archive or inconsistent entry counts');
  if (count === 0xffff || directorySize === 0xffffffff || directoryStart === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== zip64LocatorSignature) throw damaged('zip64 values without a zip64 locator');
    const record = Number(view.getBigUint64(locator + 8, true));
    if (record < 0 || record + 56 > locator || view.getUint32(record, true) !== zip64EndSignature) throw damaged('bad zip64 end record');
    count = Number(view.getBigUint64(record + 32, true));
    directorySize = Number(view.getBigUint64(record + 40, true));
    directoryStart = Number(view.getBigUint64(record + 48, true));
  }
  if (count > maxEntries) throw damaged(`${count} entries`);
  if (directoryStart + directorySize > end || directoryStart < 0) throw damaged('central directory outside the file');

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let at = directoryStart;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directoryStart + directorySize || view.getUint32(at, true) !== centralSignature) throw damaged(`central directory entry ${i} missing`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryStart + directorySize) throw damaged('central directory entry runs past the directory');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 sizes live in the extra field, in this order, only for the fields that overflowed.
      let e = at + 46 + nameLength;
      const extraEnd = e + extraLength;
      let found = false;
      while (e + 4 <= extraEnd) {
        const id = view.getUint16(e, true);
        const len = view.getUint16(e + 2, true);
        if (id === 1) {
          let p = e + 4;
          const read = () => {
            if (p + 8 > e + 4 + len) throw damaged('short zip64 extra field');
            const v = Number(view.getBigUint64(p, true));
            p += 8;
            return v;
          };
          if (size === 0xffffffff) size = read();
          if (compressedSize === 0xffffffff) compressedSize = read();
          if (localOffset === 0xffffffff) localOffset = read();
          found = true;
        }
        e += 4 + len;
      }
      if (!found) throw damaged('zip64 sizes without a zip64 extra field');
    }
    if (flags & 1) throw new ArchiveFault('password', 'encrypted entry');
    if (method !== 0 && method !== 8) throw damaged(`compression method ${method}`);
    // The entry's own header must agree with the directory.
    if (localOffset + 30 > directoryStart || view.getUint32(localOffset, true) !== localSignature) throw damaged(`no local header for entry ${i}`);
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    if (view.getUint16(localOffset + 8, true) !== method) throw damaged('local and central compression methods differ');
    if (localNameLength !== nameLength) throw damaged('local and central names differ');
    for (let k = 0; k < nameLength; k++) if (bytes[localOffset + 30 + k] !== nameBytes[k]) throw damaged('local and central names differ');
    const localFlags = view.getUint16(localOffset + 6, true);
    if ((localFlags & 8) === 0) {
      // Without a data descriptor the local header states the same checksum and sizes (or the zip64 marker).
      const localCrc = view.getUint32(localOffset + 14, true);
      const localCompressed = view.getUint32(localOffset + 18, true);
      const localSize = view.getUint32(localOffset + 22, true);
      if (localCrc !== crc) throw damaged('local and central checksums differ');
      if (localCompressed !== 0xffffffff && localCompressed !== compressedSize) throw damaged('local and central compressed sizes differ');
      if (localSize !== 0xffffffff && localSize !== size) throw damaged('local and central sizes differ');
    }
    const dataStart = localOffset + 30 + localNameLength + localExtraLength;
    const dataEnd = dataStart + compressedSize;
    if (dataEnd > directoryStart) throw damaged('entry data runs past the directory');
    if (method === 0 && compressedSize !== size) throw damaged('stored entry with differing sizes');
    const name = decodeName(nameBytes);
    const key = name.replace(/^\//, '').toLowerCase();
    if (byName.has(key)) throw damaged(`entry ${name} appears twice`);
    const entry: ZipEntry = { name, method, crc, compressedSize, size, dataStart, dataEnd };
    byName.set(key, entry);
    entries.push(entry);
    at = next;
  }
  return { entries, find: (name) => byName.get(name.replace(/^\//, '').toLowerCase()) };
}

// Compressed input is handed to the inflater in slices sized from the ratio seen so far, so that each slice
// unpacks to a few megabytes: large slices are fast, and a slice of a zip bomb still unpacks to little.
const firstSlice = 64 * 1024;
const minSlice = 16 * 1024;
const maxSlice = 512 * 1024;
const outputPerSlice = 4 * 1024 * 1024;

/**
 * Unpacks an entry slice by slice, handing each slice of output to `take` as it comes. `take` returns false
 * once it needs no more: the rest is still unpacked, without being kept, so that the checksum is checked.
 * Throws ArchiveFault when the entry is larger than the cap, or damaged.
 */
export function unpackEntry(bytes: Uint8Array, entry: ZipEntry, take: (chunk: Uint8Array) => boolean, cap = maxPartBytes, host?: HostInflate): void {
  if (entry.size > cap) throw new ArchiveFault('too-large', `${entry.name} states ${entry.size} bytes`, entry.name);
  const data = bytes.subarray(entry.dataStart, entry.dataEnd);
  if (host && entry.method === 8 && unpackByHost(host, data, entry, take)) return;
  let crc = 0;
  let produced = 0;
  let wanted = true;
  // A failure of the reader's own (not of the inflater) passes through as it is.
  let takeFailure: unknown = null;
  const accept = (chunk: Uint8Array) => {
    produced += chunk.length;
    // More output than the directory states: damaged (and never more than the cap is unpacked).
    if (produced > entry.size) throw damaged(`${entry.name} unpacks to more than its stated ${entry.size} bytes`);
    crc = crc32(chunk, crc);
    if (wanted && chunk.length > 0) {
      try {
        wanted = take(chunk);
      } catch (err) {
        takeFailure = err;
        throw err;
      }
    }
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += maxSlice) accept(data.subarray(at, Math.min(data.length, at + maxSlice)));
  } else {
    let finished = false;
    const inflater = new Inflate((chunk, final) => {
      accept(chunk);
      if (final) finished = true;
    });
    try {
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
      let slice = firstSlice;
      for (let at = 0; at < data.length; at += slice) {
        if (at > 0) slice = Math.max(minSlice, Math.min(maxSlice, Math.floor((outputPerSlice * at) / Math.max(1, produced))));
        const last = at + slice >= data.length;
        inflater.push(data.subarray(at, Math.min(data.length, at + slice)), last);
      }
    } catch (err) {
      if (err instanceof ArchiveFault || err === takeFailure) throw err;
      throw damaged(`${entry.name} does not inflate: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!finished) throw damaged(`${entry.name} ends before its deflate stream does`);
  }
  if (produced !== entry.size) throw damaged(`${entry.name} unpacks to ${produced} bytes, not the stated ${entry.size}`);
  if (crc !== entry.crc) throw damaged(`${entry.name} fails its checksum`);
}

// The host's inflater, for an entry that unpacks whole to its stated size and checksum; its output is handed
// on in the same slices as the inflater's own. False when it fails in any way: the entry is then unpacked
// again in JavaScript, so that a damaged entry is refused with the same words either way.
function unpackByHost(host: HostInflate, data: Uint8Array, entry: ZipEntry, take: (chunk: Uint8Array) => boolean): boolean {
  let out: Uint8Array;
  try {
    out = host.inflateRaw(data, entry.size);
  } catch {
    return false;
  }
  if (out.length !== entry.size || host.crc32(out, 0) !== entry.crc) return false;
  for (let at = 0; at < out.length; at += outputPerSlice) if (!take(out.subarray(at, Math.min(out.length, at + outputPerSlice)))) break;
  return true;
}

/** An entry's bytes, whole (for the small parts: the workbook, its relationships, its styles). */
export function entryBytes(bytes: Uint8Array, entry: ZipEntry, cap = maxPartBytes): Uint8Array {
  const chunks: Uint8Array[] = [];
  unpackEntry(bytes, entry, (chunk) => (chunks.push(chunk), true), cap);
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) (out.set(c, at), (at += c.length));
  return out;
}
