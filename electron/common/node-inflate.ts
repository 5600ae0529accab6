// Node's zlib lent to the workbook reader: it inflates a sheet several times faster than the reader's own
// JavaScript inflater, and checks the checksum natively. Used wherever lists are imported in Node (the
// backend and the command); the reader checks sizes and checksums the same either way.
import zlib from 'node:zlib';
import { crc32 } from '../../shared/import/xlsx/crc32.ts';
import type { HostInflate } from '../../shared/import/workbook.ts';

export const nodeInflate: HostInflate = {
  // maxOutputLength stops a stream that unpacks to more than its entry states, before it is all in memory.
  // One output buffer of the stated size: zlib's default 16 KB pieces would be copied together again at
  // the end, a second pass over the whole sheet (a tenth of a 100,000-row import).
  inflateRaw: (compressed, maxBytes) => zlib.inflateRawSync(compressed, { maxOutputLength: Math.max(1, maxBytes), chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, maxBytes) }),
  crc32: typeof zlib.crc32 === 'function' ? (bytes, crc) => zlib.crc32(bytes, crc) : crc32,
};
