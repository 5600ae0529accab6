// The Results summary's differences from the baseline are written to the step its figures are shown to:
// 40 and 41 social workers differ by "+1", not "+1.0" (issue 15, point 8: whole workers, one decimal only
// where it matters). Rendered as the Results step renders it, on the demo with a scenario that needs more staff.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runModel } from '../../shared/engine/children/run-model.ts';
import { ScenarioSchema } from '../../shared/engine/scenario.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { demoDataset } from '../../shared/synthetic/demo.ts';
import { workersForPeople } from '../../shared/text/people-format.ts';
import { SummaryTable } from '../../renderer/src/components/SummaryTable.tsx';

const dataset = demoDataset();
const busier = ScenarioSchema.parse({ name: 'Busier', newNormal: { from: '2025-01-01', referralChange: 0.1 } });
const result = buildResultJson({ dataset, report: null, run: runModel(dataset, [], { horizon: 24, draws: 20, scenarios: [busier] }) });

/** The figure and the difference the table shows for social workers in the scenario's column. */
function workersCell(at: number): { figure: string; difference: string } {
  const html = renderToStaticMarkup(createElement(SummaryTable, { result, scenarios: result.projection!.scenarios!, at }));
  const row = /<tr data-measure="workers">(.*?)<\/tr>/s.exec(html)![1]!;
  const cell = /data-column="Busier"[^>]*>(.*?)<\/td>/s.exec(row)![1]!;
  return { figure: /class="figure">([^<]*)</.exec(cell)![1]!, difference: /class="difference">([^<]*)</.exec(cell)![1]! };
}

describe('the summary’s social workers', () => {
  it('differ from the baseline in whole workers where the figures are whole', () => {
    const p = result.projection!;
    // The demo needs 20 or more workers, so the figures are shown whole...
    const at = 23;
    expect(p.baseline.workers[at]!).toBeGreaterThanOrEqual(20);
    const cell = workersCell(at);
    expect(cell.figure).toBe(workersForPeople(p.scenarios![0]!.workers[at]!));
    expect(cell.figure).toMatch(/^\d+$/);
    // ...and so is their difference: "+2 on the baseline", as the two whole figures subtract.
    const wanted = Number(cell.figure) - Number(workersForPeople(p.baseline.workers[at]!));
    expect(wanted).not.toBe(0);
    expect(cell.difference).toBe(`${wanted > 0 ? '+' : ''}${wanted} on the baseline`);
  });
});
