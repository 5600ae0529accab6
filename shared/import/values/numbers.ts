// Ages and counts. Ages may be fractional (16.66) and -1 means a child not yet born.
import { cellText, type Cell } from '../cells.ts';
import { quoted, textWhere } from './describe-cell.ts';

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
  if (value === null) {
    const shown = quoted(cellText(cell));
    return { ok: false, message: shown ? `${shown} is not an age in years` : textWhere('an age') };
  }
  if (value < -1 || value > 25) return { ok: false, message: `${value} is not a plausible age for a child (from -1 for unborn to 25)` };
  return { ok: true, value };
}

export function parseCount(cell: Cell): NumberParse {
  const value = toNumber(cell);
  if (value === null || value < 0 || !Number.isInteger(value) || value > 1000) {
    const shown = value === null ? quoted(cellText(cell)) : `${value}`;
    return { ok: false, message: shown ? `${shown} is not a whole number from 0 to 1000` : textWhere('a number') };
  }
  return { ok: true, value };
}
