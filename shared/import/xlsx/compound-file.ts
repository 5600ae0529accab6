// Old Excel files (.xls) are compound files: sectors chained by an allocation table. They carry no
// checksums, but a copy cut short shows: the table then points at sectors past the end of the file.
// Checked before SheetJS reads one, so that a truncated .xls is refused rather than read in part.
import { ArchiveFault } from './workbook-read-error.ts';

const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const lastRegularSector = 0xfffffffa;
const freeSector = 0xffffffff;

export function looksLikeCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && signature.every((b, i) => bytes[i] === b);
}

export function checkCompoundFile(bytes: Uint8Array): void {
  if (bytes.length < 512) throw new ArchiveFault('incomplete', 'compound file shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) throw new ArchiveFault('damaged', `sector shift ${shift}`);
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size);
  if (sectors < 1) throw new ArchiveFault('incomplete', 'no sectors');
  const inFile = (sector: number) => sector < sectors;
  const fatCount = view.getUint32(0x2c, true);
  if (!inFile(view.getUint32(0x30, true))) throw new ArchiveFault('incomplete', 'directory past the end');
  // The allocation table's own sectors: 109 listed in the header, the rest in a chain of list sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(fatCount, 109); i++) fatSectors.push(view.getUint32(0x4c + i * 4, true));
  let next = view.getUint32(0x44, true);
  for (let guard = 0; fatSectors.length < fatCount && next < lastRegularSector; guard++) {
    if (!inFile(next) || guard > sectors) throw new ArchiveFault('incomplete', 'allocation list past the end');
    const at = size + next * size;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(view.getUint32(at + i * 4, true));
    next = view.getUint32(at + size - 4, true);
  }
  if (fatSectors.length < fatCount) throw new ArchiveFault('damaged', 'allocation table incomplete');
  let sector = 0;
  for (const fat of fatSectors) {
    if (!inFile(fat)) throw new ArchiveFault('incomplete', 'allocation table past the end');
    const at = size + fat * size;
    for (let i = 0; i < size / 4; i++, sector++) {
      const entry = view.getUint32(at + i * 4, true);
      // A chain leading past the end of the file: the file was cut short. (Writers differ in how they mark
      // the table's unused entries beyond the end, so only links are judged.)
      if (entry === freeSector || sector >= sectors) continue;
      if (entry < lastRegularSector && !inFile(entry)) throw new ArchiveFault('incomplete', `sector ${sector} links past the end`);
    }
  }
}
