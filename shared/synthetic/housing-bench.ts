// A large housing authority for the speed bench: about 60,000 approaches in a five-year case list and
// 15,000 placements in its TA list; as the dataset the lists import to (for the projection), as the CSV
// text an analyst would paste or export, and as one workbook with both lists on their own sheets.
import { utils, write } from '@e965/xlsx';
import type { HousingDataset } from '../dataset/housing.ts';
import { parseDelimitedRows } from '../import/text/delimited.ts';
import { excelSerialFromIso } from '../import/values/dates.ts';
import { defaultHousingRules, simulateHousing, writeHousingLists, type HousingAuthority, type HousingRules } from './housing-authority.ts';
import { housingDatasetOf } from './housing-dataset.ts';

const exportFrom = '2019-04-01';
export const largeHousingExtractDate = '2024-03-31';

export function largeHousingAuthority(seed = 11): HousingAuthority {
  const scale = 1.45;
  const taChance = Object.fromEntries(Object.entries(defaultHousingRules.taChance).map(([kind, byDuty]) => [kind, Object.fromEntries(Object.entries(byDuty).map(([duty, p]) => [duty, Math.min(1, p * scale)]))])) as HousingRules['taChance'];
  const rules: HousingRules = { ...defaultHousingRules, approachesPerMonth: 720, taChance };
  return simulateHousing({ seed, from: '2016-04-01', to: largeHousingExtractDate, rules });
}

export function largeHousingDataset(authority: HousingAuthority = largeHousingAuthority()): HousingDataset {
  return housingDatasetOf(authority, exportFrom, largeHousingExtractDate);
}

/** The case list and the TA list as CSV text. */
export function largeHousingLists(authority: HousingAuthority = largeHousingAuthority()): { cases: string; ta: string } {
  return writeHousingLists(authority, exportFrom, largeHousingExtractDate);
}

const ukDate = /^(\d{2})\/(\d{2})\/(\d{4})$/;

/** Both lists in one xlsx workbook, a sheet each, their dates as date cells (as a case management system saves them). */
export function largeHousingWorkbook(lists: { cases: string; ta: string }): Uint8Array {
  const book = utils.book_new();
  for (const [name, text] of [['Cases', lists.cases], ['TA placements', lists.ta]] as const) {
    const rows = parseDelimitedRows(text).rows;
    const sheet = utils.aoa_to_sheet(rows.map((r, i) => (i === 0 ? r : r.map((c) => {
      const m = ukDate.exec(c);
      return m ? excelSerialFromIso(`${m[3]}-${m[2]}-${m[1]}`) : c === '' ? null : c;
    }))));
    for (const address of Object.keys(sheet)) {
      const cell = sheet[address];
      if (address[0] !== '!' && cell?.t === 'n' && cell.v > 20_000) cell.z = 'dd/mm/yyyy';
    }
    utils.book_append_sheet(book, sheet, name);
  }
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
