// The files inside a ZIP, for SSDA903 returns kept zipped (one folder a year inside). SheetJS's CFB reader
// already inflates ZIP entries for the workbook import, so it is reused here. Kept in one small file so a
// dedicated CRC-checked reader can replace it without touching the 903 import.
import { CFB } from '@e965/xlsx';

export interface ZipFile {
  /** Path inside the archive, with forward slashes: "2024/episodes.csv". */
  path: string;
  bytes: Uint8Array;
}

interface CfbEntry {
  type: number;
  content?: Uint8Array | number[];
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Every file of the archive (folders and SheetJS's own marker entry left out). Throws on a damaged archive. */
export function readZipFiles(bytes: Uint8Array): ZipFile[] {
  const container = CFB.read(bytes, { type: 'array' }) as { FullPaths: string[]; FileIndex: CfbEntry[] };
  const files: ZipFile[] = [];
  container.FullPaths.forEach((fullPath, i) => {
    const entry = container.FileIndex[i]!;
    if (fullPath.endsWith('/') || entry.type !== 2 || !entry.content) return;
    const path = fullPath.replace(/^Root Entry\//, '');
    if (path.startsWith('\u0001') || path.startsWith('__MACOSX/')) return;
    const content = entry.content;
    files.push({ path, bytes: content instanceof Uint8Array ? new Uint8Array(content.buffer, content.byteOffset, content.byteLength) : Uint8Array.from(content) });
  });
  return files;
}
