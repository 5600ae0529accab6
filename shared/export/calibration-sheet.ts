// The export's Calibration sheet: how far to trust the projections, in the words of the Results step, then
// the error and the share inside the likely range for every horizon measured.
import type { CalibrationJson } from '../result/result-json.ts';
import { calibrationSeriesNames } from '../text/calibration-words.ts';
import type { Cell, SheetSpec } from './xlsx-writer.ts';

export const calibrationSheetName = 'Calibration';

const txt = (text: string, style: 'text' | 'header' | 'title' | 'wrap' = 'text'): Cell => ({ text, style });
const pct = (value: number): Cell => ({ number: value, style: 'percent' });

export function calibrationSheet(calibration: CalibrationJson | undefined): SheetSpec {
  const rows: Cell[][] = [[txt('How far to trust these projections', 'title')]];
  const rowHeights: Record<number, number> = { 0: 24 };
  const merges: NonNullable<SheetSpec['merges']> = [];
  const paragraph = (text: string) => {
    const r = rows.length;
    rows.push([txt(text, 'wrap')]);
    // Its height follows its words wrapped in the merged width (the writer's autoHeights).
    merges.push({ fromColumn: 0, fromRow: r, toColumn: 5, toRow: r });
  };
  if (!calibration) {
    paragraph('Not measured for this export. In the app the Results step measures it; from the command line, add --calibrate.');
    return { name: calibrationSheetName, rows, columnWidths: [30, 14, 14, 16, 16, 20], merges, rowHeights };
  }
  for (const sentence of calibration.sentences) paragraph(sentence);
  if (calibration.missing) return { name: calibrationSheetName, rows, columnWidths: [30, 14, 14, 16, 16, 20], merges, rowHeights };
  rows.push([]);
  const header = rows.length;
  rows.push(['Measure', 'Months ahead', 'Comparisons', 'Average error', 'Carrying forward: average error', 'Inside the likely range'].map((h) => txt(h, 'header')));
  for (const key of ['referrals', 'cppOpen', 'claOpen'] as const) {
    const name = calibrationSeriesNames[key];
    for (const h of calibration.series[key].byHorizon) {
      rows.push([txt(`${name[0]!.toUpperCase()}${name.slice(1)}`), { number: h.months, style: 'integer' }, { number: h.compared, style: 'integer' }, pct(h.error), pct(h.naiveError), pct(h.insideRange)]);
    }
  }
  return { name: calibrationSheetName, rows, columnWidths: [30, 14, 14, 16, 18, 20], freezeRows: header + 1, filterHeaderRow: header, merges, rowHeights };
}
