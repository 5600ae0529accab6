// The pure SHA-256 and HMAC behind pseudonyms, checked against Node's own crypto on awkward lengths.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChildRegister, createPseudonymiser, hmacSha256, normaliseChildId, sha256 } from '../../shared/import/pseudonym.ts';
import { utf8Bytes } from '../../shared/text/utf8.ts';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('pseudonyms', () => {
  it('SHA-256 and HMAC-SHA-256 match Node crypto, across block boundaries and non-ASCII text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'héllo ☃ 𝄞'.repeat(30)]) {
      expect(hex(sha256(utf8Bytes(text)))).toBe(createHash('sha256').update(text).digest('hex'));
      for (const key of [Buffer.alloc(16, 7), Buffer.alloc(64, 1), Buffer.alloc(70, 3)]) {
        expect(hex(hmacSha256(new Uint8Array(key), utf8Bytes(text)))).toBe(createHmac('sha256', key).update(text).digest('hex'));
      }
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.uint8Array({ minLength: 16, maxLength: 100 }), (text, key) => {
        expect(hex(hmacSha256(key, utf8Bytes(text)))).toBe(createHmac('sha256', Buffer.from(key)).update(text).digest('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('names a child "C" and twelve base-32 letters of the HMAC of the normalised ID (workbooks saved earlier rely on it)', () => {
    const key = new Uint8Array(32).map((_, i) => i * 7 + 3);
    const pseudonym = createPseudonymiser(key);
    const letters = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
    for (const [id, normal] of [[1234, '1234'], ['1000001', '1000001'], [' 0042 ', '42'], ['ab-7', 'AB-7'], [12.5, '12.5']] as const) {
      const digest = createHmac('sha256', Buffer.from(key)).update(normal).digest();
      expect(pseudonym(id)).toBe(`C${[...digest.subarray(0, 12)].map((b) => letters[b & 31]).join('')}`);
    }
  });

  it('treats 1234, "1234", " 01234 " and 1234.0 as one child', () => {
    expect(new Set([1234, '1234', ' 01234 ', '1234.0'].map((id) => normaliseChildId(id))).size).toBe(1);
    const pseudonym = createPseudonymiser(new Uint8Array(32).fill(4));
    expect(pseudonym(1234)).toBe(pseudonym(' 01234 '));
    expect(pseudonym('A-77')).not.toBe(pseudonym('A-78'));
    expect(() => createPseudonymiser(new Uint8Array(8))).toThrow('at least 16 bytes');
  });

  it('numbers children in the order met, the same number for the same child, over many IDs met again and again', () => {
    const key = new Uint8Array(24).map((_, i) => i * 11 + 5);
    const letters = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
    const expected = (normal: string) => `C${[...createHmac('sha256', Buffer.from(key)).update(normal).digest().subarray(0, 12)].map((b) => letters[b & 31]).join('')}`;
    const id = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }).map((n) => ` 0${n} `), fc.string({ maxLength: 70 }), fc.stringMatching(/^[A-Z]{1,3}[0-9]{1,8}$/));
    fc.assert(
      fc.property(fc.array(id, { maxLength: 3000 }), (ids) => {
        const children = new ChildRegister(key);
        const firstMet = new Map<string, number>();
        for (const raw of ids) {
          const normal = normaliseChildId(raw);
          const child = children.numberOf(raw);
          if (!firstMet.has(normal)) firstMet.set(normal, firstMet.size);
          expect(child).toBe(firstMet.get(normal));
          expect(children.pseudonymOf(child)).toBe(expected(normal));
        }
        expect(children.size).toBe(firstMet.size);
      }),
      { numRuns: 30 },
    );
  });
});
