// Interventions on the Results step: for each scenario's interventions, the sentence a director reads and a
// chart of cumulative cost against cumulative saving (with the saving's likely range), the month it pays
// for itself marked.
import type { InterventionJson } from '../../../../shared/result/interventions-json.ts';
import type { ResultJson } from '../../../../shared/result/result-json.ts';
import { monthForPeople, poundsForPeople } from '../../../../shared/text/people-format.ts';
import { LineChart } from '../../charts/LineChart.tsx';

const costColour = '#d4351c';
const savingColour = '#00703c';
const paybackColour = '#0b0c0c';

type ScenarioJson = NonNullable<NonNullable<ResultJson['projection']>['scenarios']>[number];
const interventionsOf = (s: ScenarioJson): InterventionJson[] => (s as { interventions?: InterventionJson[] }).interventions ?? [];

export function InterventionResults({ result, rangesPending }: { result: ResultJson; rangesPending: boolean }) {
  const p = result.projection;
  const scenarios = (p?.scenarios ?? []).filter((s) => interventionsOf(s).length > 0);
  if (!p || scenarios.length === 0) return null;
  return (
    <section className="intervention-results" aria-labelledby="intervention-results-heading">
      <h2 id="intervention-results-heading">What the interventions buy</h2>
      <p className="hint">
        Each intervention is weighed against the same scenario without it: its saving is what the scenario would spend on plans and care without it, less what it spends with it. The likely range comes from the same
        simulated futures with and without it.
      </p>
      {scenarios.map((s) =>
        interventionsOf(s).map((i, k) => <InterventionPanel key={`${s.name}-${k}`} scenarioName={s.name} intervention={i} months={p.months} rangesPending={rangesPending} id={`intervention-${s.name}-${k}`.replace(/\W+/g, '-')} />),
      )}
    </section>
  );
}

function InterventionPanel({ scenarioName, intervention: i, months, rangesPending, id }: { scenarioName: string; intervention: InterventionJson; months: readonly string[]; rangesPending: boolean; id: string }) {
  const payback = i.paybackMonth ? months.indexOf(i.paybackMonth) : -1;
  const band = i.cumulativeSavingBand;
  return (
    <article className="intervention-panel" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>
        {i.name} <span className="muted">in “{scenarioName}”</span>
      </h3>
      <p className="director-sentence">{i.sentence}</p>
      {rangesPending && !band && <p className="muted">Working out the likely range of the saving…</p>}
      <dl className="intervention-figures">
        <div>
          <dt>Cost over the projection</dt>
          <dd>{poundsForPeople(i.totals.cost)}</dd>
        </div>
        <div>
          <dt>Saving</dt>
          <dd>
            {poundsForPeople(i.totals.expected.saving)}
            {i.totals.draws > 0 && ` (likely ${poundsForPeople(i.totals.saving.p10)} to ${poundsForPeople(i.totals.saving.p90)})`}
          </dd>
        </div>
        <div>
          <dt>Net (cost less saving)</dt>
          <dd>{poundsForPeople(i.totals.expected.net)}</dd>
        </div>
        <div>
          <dt>Pays for itself</dt>
          <dd>{i.paybackMonth ? `from ${monthForPeople(i.paybackMonth)}` : 'not within the projection'}</dd>
        </div>
      </dl>
      <LineChart
        id={id}
        title={`${i.name}: cost and saving so far`}
        yTitle="Pounds so far"
        unit="pounds"
        months={months}
        series={[
          { label: 'Cost so far', values: i.cumulativeCost, colour: costColour },
          { label: 'Saving so far', values: i.cumulativeSaving, colour: savingColour, band: band ? { low: band.p10, high: band.p90 } : undefined },
          ...(payback >= 0 ? [{ label: `Pays for itself (${monthForPeople(i.paybackMonth!)})`, values: months.map((_, t) => (t === payback ? i.cumulativeCost[t]! : null)), colour: paybackColour, marker: true }] : []),
        ]}
      />
    </article>
  );
}
