// The strict UTF-8 reading of CSV and TSV files agrees with the WHATWG decoder (Node's TextDecoder, fatal,
// keeping byte-order marks) on any bytes: the same text where they are valid, and a refusal (null, so the
// file is read as Windows-1252) wherever the decoder would refuse them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeUtf8Strict } from '../../shared/import/text/decode.ts';

const whatwg = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function reference(bytes: Uint8Array, start: number): string | null {
  try {
    return whatwg.decode(bytes.subarray(start));
  } catch {
    return null;
  }
}

// Bytes near UTF-8's edges: ASCII, lead bytes of each length, continuation bytes, the invalid ones.
const edgeByte = fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constantFrom(0x00, 0x0a, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xbb), fc.integer({ min: 0x80, max: 0xff }));

describe('strict UTF-8 decoding of files', () => {
  it('gives what the WHATWG decoder gives on any bytes, refusing exactly where it refuses', () => {
    fc.assert(
      fc.property(fc.array(edgeByte, { maxLength: 40 }), fc.nat(3), (values, skip) => {
        const bytes = Uint8Array.from(values);
        const start = Math.min(skip, bytes.length);
        expect(decodeUtf8Strict(bytes, start)).toBe(reference(bytes, start));
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads valid text of every width the same, and text that starts with a byte-order mark keeps it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean(), (text, marked) => {
        const bytes = new TextEncoder().encode(marked ? `\uFEFF${text}` : text);
        expect(decodeUtf8Strict(bytes)).toBe(marked ? `\uFEFF${text}` : text);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads a file with a mark as its text without the mark, and a second mark as part of the text', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const body = new TextEncoder().encode('Child ID,Café\r\nA1,’x’');
    expect(decodeText(Uint8Array.from([...bom, ...body]))).toEqual({ text: 'Child ID,Café\r\nA1,’x’', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([...bom, ...bom, ...body])).text).toBe('\uFEFFChild ID,Café\r\nA1,’x’');
    expect(decodeText(Uint8Array.from([...bom, ...bom, ...bom, ...body])).text).toBe('\uFEFF\uFEFFChild ID,Café\r\nA1,’x’');
  });

  it('reads Windows-1252 where one byte is not UTF-8, in a long file as in a short one', () => {
    const long = `${'Child ID,Referral date\r\n'}${'A123,01/02/2024\r\n'.repeat(50_000)}Caf\u00e9`;
    const bytes = Uint8Array.from(long, (c) => c.charCodeAt(0)); // é as the single byte 0xE9
    expect(decodeText(bytes)).toEqual({ text: long, encoding: 'windows-1252' });
    const utf8 = new TextEncoder().encode(long);
    expect(decodeText(utf8)).toEqual({ text: long, encoding: 'utf-8' });
  });
});
