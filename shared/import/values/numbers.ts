// Ages and counts. Ages may be fractional (16.66) and -1 means a child not yet born.
import { cellText, type Cell } from '../cells.ts';
import { describeCell, quoted } from './describe-cell.ts';

export type NumberParse = { ok: true; value: number } | { ok: false; message: string };

function toNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean' || cell instanceof Date || cell === null) return null;
  const plain = plainWholeNumber(cell);
  if (plain >= 0) return plain;
  const text = cellText(cell).replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/** The value of a cell of one to nine digits and nothing else (most ages and counts), else -1. */
function plainWholeNumber(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// The answers for whole numbers from 0 to 1000, made once: a list holds them thousands of times.
const wholeNumbers: readonly NumberParse[] = Array.from({ length: 1001 }, (_, value) => Object.freeze({ ok: true as const, value }));
const readAs = (value: number): NumberParse => (Number.isInteger(value) && value >= 0 && value <= 1000 ? wholeNumbers[value]! : { ok: true, value });

export function parseAge(cell: Cell): NumberParse {
  const value = toNumber(cell);
  if (value !== null && value >= -1 && value <= 25) return readAs(value);
  const text = cellText(cell);
  const shown = quoted(text);
  if (value === null) return { ok: false, message: shown ? `${shown} is not an age in years` : describeCell(text, 'an age') };
  return { ok: false, message: shown ? `${value} is not a plausible age for a child (from -1 for unborn to 25)` : describeCell(text, 'an age') };
}

export function parseCount(cell: Cell): NumberParse {
  const value = toNumber(cell);
  if (value === null || value < 0 || !Number.isInteger(value) || value > 1000) {
    const text = cellText(cell);
    const shown = quoted(text);
    return { ok: false, message: shown ? `${shown} is not a whole number from 0 to 1000` : describeCell(text, 'a number') };
  }
  return wholeNumbers[value]!;
}

/** Pounds, as a cost column writes them: 62, 62.50, "£62.50", "1,250". */
export function parseMoney(cell: Cell): NumberParse {
  const value = toNumber(typeof cell === 'string' ? cell.replace(/^\s*£\s*/, '').trim() : cell);
  if (value === null || value < 0 || value > 100_000) {
    const text = cellText(cell);
    const shown = quoted(text);
    return { ok: false, message: shown ? `${shown} is not an amount in pounds` : describeCell(text, 'an amount in pounds') };
  }
  return { ok: true, value };
}
