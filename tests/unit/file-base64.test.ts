// The window sends a chosen file's bytes to the backend as base64: the browser's own encoder where it
// has one, slices of String.fromCharCode where not. Both must give exactly Node's base64 of the bytes.
import { afterEach, describe, expect, it } from 'vitest';
import { base64 } from '../../renderer/src/steps/data/returns-files.ts';

const proto = Uint8Array.prototype as Uint8Array & { toBase64?: () => string };
const own = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'toBase64');

function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

// Lengths around the encoder's groups of 3 and the fallback's slices of 32,768 bytes.
const lengths = [0, 1, 2, 3, 4, 32_767, 32_768, 32_769, 98_305, 1_000_001];

describe('a file as base64 for the bridge', () => {
  afterEach(() => {
    if (own) Object.defineProperty(Uint8Array.prototype, 'toBase64', own);
    else delete proto.toBase64;
  });

  it('is Node’s base64 of the bytes without the browser’s encoder', () => {
    delete proto.toBase64;
    for (const length of lengths) {
      const bytes = randomBytes(length, length + 1);
      expect(base64(bytes.buffer as ArrayBuffer)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('uses the browser’s encoder where there is one', () => {
    let used = 0;
    Object.defineProperty(Uint8Array.prototype, 'toBase64', {
      configurable: true,
      writable: true,
      value: function (this: Uint8Array) {
        used++;
        return Buffer.from(this).toString('base64');
      },
    });
    const bytes = randomBytes(100_000, 7);
    expect(base64(bytes.buffer as ArrayBuffer)).toBe(Buffer.from(bytes).toString('base64'));
    expect(used).toBe(1);
  });
});
