// The words case management systems write for TA types, household types, duties and area, read into the
// housing dataset's values. A TA type or household type the app does not know still counts, as "other",
// with a note; a duty or area it does not know is left blank. Words are quoted in messages only when they
// cannot be personal (describe-cell.ts).
import { taTypeWords, type DutyKind, type HouseholdKind, type TaType } from '../../dataset/housing.ts';
import { cellText, type Cell } from '../cells.ts';
import type { ChoiceParse } from '../list-catalogue.ts';
import { stripCodePrefix } from '../values/codes.ts';
import { describeCell, quoted } from '../values/describe-cell.ts';

const plain = (cell: Cell) =>
  stripCodePrefix(cellText(cell))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// First match wins: the more particular words come first ("single parent" is a family, not a single adult).
const taTypePatterns: ReadonlyArray<readonly [RegExp, TaType]> = [
  [/\bb ?and ?b\b|\bbb\b|bed and breakfast|\bb b\b/, 'bedAndBreakfast'],
  [/nightly|annexe?\b|\bnpa\b|self contained licensed|private managed|privately managed/, 'nightlyPaid'],
  [/hostel|refuge|women s aid|supported/, 'hostel'],
  [/leas|\bpsl\b|\bhaml\b|housing association managed/, 'privateLeased'],
  [/\b(council|local authority|la|lha|ha|housing association|social|rsl|rp)\b.*\b(stock|housing|home|property|dwelling)s?\b|social housing|council stock/, 'socialHousing'],
  [/^other\b|^other ta|any other/, 'other'],
];

const householdPatterns: ReadonlyArray<readonly [RegExp, HouseholdKind]> = [
  [/without (dependent )?child|no (dependent )?child|childless|adults? only|other adults|couple$|^couple no|two adults|multi adult/, 'adultsWithoutChildren'],
  [/child|parent|family|families|pregnan|dependant|dependent|with kids/, 'withChildren'],
  [/single|^one adult|^lone adult|^individual|^single (male|female|man|woman)/, 'singleAdult'],
  [/^other\b/, 'other'],
];

function byPattern<T extends string>(patterns: ReadonlyArray<readonly [RegExp, T]>, cell: Cell): T | null {
  const text = plain(cell);
  for (const [pattern, value] of patterns) if (pattern.test(text)) return value;
  return null;
}

// The same few words repeat on every row: remember each answer, by the cell's own text when it is text
// (the readers hand repeated texts over as one string, whose hash is already known: no copy, no scan).
function remembered(read: (cell: Cell) => ChoiceParse): (cell: Cell) => ChoiceParse {
  const memo = new Map<string, ChoiceParse>();
  return (cell) => {
    const key = typeof cell === 'string' ? cell : cellText(cell);
    let parsed = memo.get(key);
    if (parsed === undefined) {
      parsed = read(cell);
      if (memo.size < 10_000) memo.set(key, parsed);
    }
    return parsed;
  };
}

const named = (cell: Cell, expected: string) => quoted(cellText(cell)) ?? describeCell(cellText(cell), expected);

export const readTaType = remembered((cell) => {
  const type = byPattern(taTypePatterns, cell);
  if (type) return { ok: true, value: type };
  const shown = quoted(cellText(cell));
  return { ok: false, value: 'other', message: `${shown ? `${shown} is not a TA type the app knows` : describeCell(cellText(cell), 'a TA type')}; the placement is counted as ${taTypeWords.other.toLowerCase()}` };
});

export const readHouseholdKind = remembered((cell) => {
  const kind = byPattern(householdPatterns, cell);
  if (kind) return { ok: true, value: kind };
  const shown = quoted(cellText(cell));
  return { ok: false, value: 'other', message: `${shown ? `${shown} is not a household type the app knows` : describeCell(cellText(cell), 'a household type')}; the case is counted as another household type` };
});

export const readDuty = remembered((cell): ChoiceParse => {
  const text = plain(cell);
  let duty: DutyKind | null = null;
  if (/prevent/.test(text)) duty = 'prevention';
  else if (/relief|relieve/.test(text)) duty = 'relief';
  else if (/^(none|no|no duty|not owed|no duty owed|n a|na|not eligible|not homeless|advice only|advice)$/.test(text)) duty = 'none';
  if (duty) return { ok: true, value: duty };
  return { ok: false, value: null, message: `${named(cell, 'a duty (prevention, relief or none)')} is not a duty the app knows (prevention, relief or none); it was left blank` };
});

export const readArea = remembered((cell): ChoiceParse => {
  const text = plain(cell);
  if (/^(out|out of area|out of borough|outside|outside area|outside borough|y|yes|oob|ooa)$/.test(text) || /^out of/.test(text)) return { ok: true, value: 'out' };
  if (/^(in|in area|in borough|inside|within|within area|within borough|n|no)$/.test(text) || /^in (the )?(area|borough)/.test(text)) return { ok: true, value: 'in' };
  return { ok: false, value: null, message: `${named(cell, 'in area or out of area')} is not in area or out of area; it was left blank` };
});
