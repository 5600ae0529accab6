// A cell's text is checked for odd spaces by a scan of its characters, not a regular expression: it must
// fold exactly what the expression did, on any text (non-breaking and zero-width spaces, tabs, line breaks,
// double spaces, at either end or inside).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, isBlankValue } from '../../shared/import/cells.ts';

// As cellText was written with the regular expression: a clean cell as it is, any other folded and trimmed.
const oddSpace = /[\u00a0\u2007\u202f\u200b\ufeff\t\r\n]| {2}/;
const clean = (text: string) => text === '' || (text.charCodeAt(0) > 32 && text.charCodeAt(text.length - 1) > 32 && !oddSpace.test(text));
const fold = (text: string) => (clean(text) ? text : text.replace(/[\u00a0\u2007\u202f\u200b\ufeff\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim());

describe('cell text', () => {
  it('folds odd spaces and trims as before, whatever the text', () => {
    const pieces = fc.constantFrom('a', 'B', '1', '/', ' ', '  ', '\u00a0', '\u2007', '\u202f', '\u200b', '\ufeff', '\t', '\r', '\n', 'é', '#N/A', '\u2000');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(cellText(text)).toBe(fold(text));
      }),
      { numRuns: 3000 },
    );
    expect(cellText('03/04/2024')).toBe('03/04/2024');
    expect(cellText('a) 1A:\u00a0Individual')).toBe('a) 1A: Individual');
    expect(cellText('Sam  Patel')).toBe('Sam Patel');
    expect(isBlankValue('\u00a0#N/A\t')).toBe(true);
  });
});
