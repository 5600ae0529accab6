// A month counts for a list only where an extract that held that list saw it. List 8 imported on its own
// with a later extract date says nothing about referrals or plans in the months only it covers: those
// months are unknown, not months with no referrals.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../shared/dataset/types.ts';
import { buildHistory } from '../../shared/engine/children/history.ts';
import { monthOfIso } from '../../shared/engine/core/months.ts';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoDataset } from '../../shared/synthetic/demo.ts';

// The demo's lists to Sep 2024, then List 8 alone from an extract of 31 Mar 2025: the children in care on
// 30 Sep 2024 still in care, and two new ones.
function withLaterList8(): Dataset {
  const demo = demoDataset();
  const later = { id: 99, label: 'List 8 only, 31/03/2025', extractDate: '2025-03-31', extractDateSource: 'given' as const };
  const stillIn = demo.cla.filter((r) => r.endDate === null).map((r) => ({ ...r, extract: later.id }));
  const newcomers = stillIn.slice(0, 2).map((r, i) => ({ ...r, child: `new-${i}`, startDate: '2025-01-15' }));
  return { ...demo, extracts: [...demo.extracts, later], cla: [...demo.cla, ...stillIn, ...newcomers] };
}

describe('months a list did not see', () => {
  const dataset = withLaterList8();
  const history = buildHistory(dataset, []);
  const at = (iso: string) => history.months.indexOf(monthOfIso(iso));

  it('are unknown for referrals and plans, while care is counted from List 8', () => {
    for (const month of ['2024-10-01', '2024-12-01', '2025-03-01']) {
      expect(at(month)).toBeGreaterThanOrEqual(0);
      expect(history.series.referrals[at(month)]).toBeNull();
      expect(history.series.cppOpen[at(month)]).toBeNull();
      expect(history.series.cppStarts[at(month)]).toBeNull();
      expect(history.series.claOpen[at(month)]).toBeGreaterThan(0);
    }
    expect(history.series.claStarts[at('2025-01-01')]).toBe(2);
    // The months the full extracts saw are as before.
    const demoOnly = buildHistory(demoDataset(), []);
    const sep2024 = monthOfIso('2024-09-01');
    expect(history.series.referrals[at('2024-09-01')]).toBe(demoOnly.series.referrals[demoOnly.months.indexOf(sep2024)]);
    expect(history.series.referrals[at('2024-09-01')]).toBeGreaterThan(0);
  });

  it('do not reach the result as zero referrals', () => {
    const result = buildResultJson({ dataset, report: null, run: runModel(dataset, [], { horizon: 12, scenarios: [] }) });
    const history = result.history!;
    const i = history.months.indexOf('2025-02');
    expect(i).toBeGreaterThanOrEqual(0);
    expect(history.referrals[i]).toBeNull();
    expect(history.claOpen[i]).toBeGreaterThan(0);
  });
});
