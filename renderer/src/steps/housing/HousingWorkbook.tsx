// The History, Scenarios, Results and Export steps of a housing workbook (homelessness and temporary
// accommodation). It fetches the workbook's housing lists, has the engine worker fit and project them, and
// saves the scenarios shortly after the last change, as the children's steps do.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkbookBridge } from '../../../../shared/contracts/bridge.ts';
import type { WorkbookSummary } from '../../../../shared/contracts/schemas.ts';
import type { HousingDataset } from '../../../../shared/dataset/housing.ts';
import type { ScenarioInput } from '../../../../shared/engine/scenario.ts';
import type { HousingOutcome } from '../../../../shared/result/housing-outcome.ts';
import { scenarioProblemsInWords } from '../../../../shared/text/scenario-problems.ts';
import { ExportPanel } from '../../components/ExportPanel.tsx';
import type { EngineClient, HousingProjection } from '../../engine/engine-client.ts';
import { useLatestProjection } from '../../engine/use-latest-projection.ts';
import type { StepId } from '../../steps.ts';
import { HousingHistory } from './HousingHistory.tsx';
import { HousingResults } from './HousingResults.tsx';
import { HousingScenarios } from './HousingScenarios.tsx';

const horizon = 24;

export function HousingWorkbook({ bridge, workbook, step, engine, onWorkbook }: { bridge: WorkbookBridge; workbook: WorkbookSummary; step: Exclude<StepId, 'data'>; engine: EngineClient; onWorkbook: (workbook: WorkbookSummary) => void }) {
  const [fitted, setFitted] = useState<HousingOutcome | null>(null);
  const [projection, setProjection] = useState<HousingProjection | null>(null);
  const [scenarios, setScenarios] = useState<ScenarioInput[]>([]);
  const [selected, setSelected] = useState(0);
  const [compare, setCompare] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A different workbook, or new lists: fetch them and fit the model again in the worker.
  const dataKey = `${workbook.createdAt}|${workbook.filePath}|${workbook.housingRows?.cases}|${workbook.housingRows?.ta}|${workbook.undo ?? ''}`;
  useEffect(() => {
    let cancelled = false;
    setFitted(null);
    setProjection(null);
    setProblem(null);
    void (async () => {
      try {
        const data = await bridge.getHousingData();
        if (cancelled) return;
        setScenarios(data.scenarios as ScenarioInput[]);
        setSelected(0);
        setCompare([]);
        if (data.dataset.cases.length === 0 && data.dataset.ta.length === 0) {
          setProblem('There are no housing lists in this workbook yet: paste or import the case list and the TA list on the Data step.');
          return;
        }
        const outcome = await engine.housingLoad(data.dataset as HousingDataset);
        if (!cancelled) setFitted(outcome);
      } catch (err) {
        if (!cancelled) setProblem(err instanceof Error ? err.message : String(err));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [dataKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const unsettled = useMemo(() => scenarios.flatMap((s, i) => scenarioProblemsInWords(s, i)), [scenarios]);

  // Scenarios: projected at once in the worker; the last figures stay on screen until the next arrive.
  useLatestProjection(fitted !== null && unsettled.length === 0, (onComplete) => engine.housingProject(scenarios, horizon, onComplete), setProjection, setProblem, [fitted, scenarios, engine]);

  const changeScenarios = useCallback(
    (next: ScenarioInput[]) => {
      setScenarios(next);
      if (saveTimer.current) clearTimeout(saveTimer.current);
      if (next.some((s, i) => scenarioProblemsInWords(s, i).length > 0)) return;
      saveTimer.current = setTimeout(() => {
        bridge.saveScenarios({ scenarios: next }).then(onWorkbook, (err: unknown) => setProblem(err instanceof Error ? err.message : String(err)));
      }, 400);
    },
    [bridge, onWorkbook],
  );

  const outcome = projection?.outcome ?? fitted;
  const rangesPending = projection ? !projection.complete : true;
  if (step === 'export') return <ExportPanel bridge={bridge} contents="The workbook has a summary in words, charts you can restyle, households in temporary accommodation and their cost month by month and by type with their likely ranges, the history, every assumption and where it came from (each default nightly cost marked replace with yours), a backtest and the data quality report. Case IDs are never included." />;
  return (
    <>
      {problem && (
        <p className="notice" role="status">
          {problem}
        </p>
      )}
      {unsettled.length > 0 && (
        <div className="notice stale" role="status">
          <p>{projection ? 'The figures shown are from before your last change, which has a setting to put right on the Scenarios step:' : 'A scenario has a setting to put right on the Scenarios step:'}</p>
          <ul>
            {unsettled.map((words) => (
              <li key={words}>{words}</li>
            ))}
          </ul>
        </div>
      )}
      {!outcome && !problem && (
        <p className="notice" role="status">
          Working out the history and the rates…
        </p>
      )}
      {outcome && step === 'history' && <HousingHistory outcome={outcome} />}
      {outcome && step === 'scenarios' && <HousingScenarios outcome={outcome} scenarios={scenarios} onChange={changeScenarios} selected={selected} onSelect={setSelected} compare={compare} onCompare={setCompare} rangesPending={rangesPending} />}
      {outcome && step === 'results' && <HousingResults outcome={outcome} rangesPending={rangesPending} />}
    </>
  );
}
