// What happened, month by month, in a housing workbook: approaches and duties owed, households in
// temporary accommodation by type (stacked), entries and leavings, nights; the rates in words beneath.
import { taTypes, type TaType } from '../../../../shared/dataset/housing.ts';
import type { HousingOutcome } from '../../../../shared/result/housing-outcome.ts';
import { housingRateRows } from '../../../../shared/result/housing-rates.ts';
import { LineChart, palette } from '../../charts/LineChart.tsx';
import { partColours, StackedChart } from '../../charts/StackedChart.tsx';
import { RatesTable } from '../../components/RatesTable.tsx';

/** Short enough for the chart's legend beside it; the figures table under the chart repeats them. */
const legendWords: Record<TaType, string> = { bedAndBreakfast: 'B&B', nightlyPaid: 'Nightly paid', hostel: 'Hostel', privateLeased: 'Private leased', socialHousing: 'Council or HA stock', other: 'Other' };

export function HousingHistory({ outcome }: { outcome: HousingOutcome }) {
  const h = outcome.result.history;
  const e = outcome.result.estimates;
  return (
    <>
      <p>Only complete months are shown. Households placed before the export’s start and still in temporary accommodation are counted from the first month.</p>
      <div className="chart-grid">
        <LineChart
          id="housing-history-approaches"
          title="Approaches and duties owed each month"
          yTitle="Households"
          months={h.months}
          series={[
            { label: 'Households approaching', values: h.approaches, colour: palette[0]! },
            { label: 'Owed a prevention or relief duty', values: h.dutiesOwed, colour: palette[2]! },
          ]}
        />
        <StackedChart id="housing-history-ta-types" title="Households in temporary accommodation at month end, by type" yTitle="Households" months={h.months} parts={taTypes.map((t, i) => ({ label: legendWords[t], values: h.taByType[t], colour: partColours[i]! }))} />
        <LineChart
          id="housing-history-ta-flows"
          title="Households entering and leaving temporary accommodation"
          yTitle="Households"
          months={h.months}
          series={[
            { label: 'Entering', values: h.taStarts, colour: palette[2]! },
            { label: 'Leaving', values: h.taEnds, colour: palette[1]!, dashed: true },
          ]}
        />
        <LineChart id="housing-history-nights" title="Nights in temporary accommodation each month" yTitle="Nights" months={h.months} series={[{ label: 'Nights', values: h.taNights, colour: palette[0]! }]} />
      </div>
      <RatesTable rows={housingRateRows(e)} notes={e.notes} />
    </>
  );
}
