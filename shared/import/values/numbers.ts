// Ages and counts. Ages may be fractional (16.66) and -1 means a child not yet born.
import { cellText, type Cell } from '../cells.ts';
import { describeCell, quoted } from './describe-cell.ts';

export type NumberParse = { ok: true; value: number } | { ok: false; message: string };

function toNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean' || cell instanceof Date || cell === null) return null;
  const text = cellText(cell).replace(/,/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function parseAge(cell: Cell): NumberParse {
  const value = toNumber(cell);
  const text = cellText(cell);
  const shown = quoted(text);
  if (value === null) return { ok: false, message: shown ? `${shown} is not an age in years` : describeCell(text, 'an age') };
  if (value < -1 || value > 25) return { ok: false, message: shown ? `${value} is not a plausible age for a child (from -1 for unborn to 25)` : describeCell(text, 'an age') };
  return { ok: true, value };
}

export function parseCount(cell: Cell): NumberParse {
  const value = toNumber(cell);
  if (value === null || value < 0 || !Number.isInteger(value) || value > 1000) {
    const text = cellText(cell);
    const shown = quoted(text);
    return { ok: false, message: shown ? `${shown} is not a whole number from 0 to 1000` : describeCell(text, 'a number') };
  }
  return { ok: true, value };
}
