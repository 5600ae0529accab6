import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { WorkbookBridge } from '../../shared/contracts/bridge.ts';
import type { MenuCommand } from '../../shared/contracts/menu-commands.ts';
import type { AppInfo, Ssda903ReportJson, WorkbookSummary } from '../../shared/contracts/schemas.ts';
import type { Dataset } from '../../shared/dataset/types.ts';
import type { ScenarioInput } from '../../shared/engine/scenario.ts';
import type { ImportReport } from '../../shared/import/report.ts';
import type { ResultJson } from '../../shared/result/result-json.ts';
import type { ChartPaths } from '../../shared/result/chart-paths.ts';
import { scenarioProblemsInWords } from '../../shared/text/scenario-problems.ts';
import { ExportPanel } from './components/ExportPanel.tsx';
import { HelpDialog, type HelpTopic } from './components/HelpDialog.tsx';
import { ServiceChoiceDialog } from './components/ServiceChoiceDialog.tsx';
import { StepNav } from './components/StepNav.tsx';
import { WorkbookFilePanel } from './components/WorkbookFilePanel.tsx';
import { WorkbookNotices } from './components/WorkbookNotices.tsx';
import { WorkbookTitleForm } from './components/WorkbookTitleForm.tsx';
import { createEngineClient, type EngineClient, type Projection } from './engine/engine-client.ts';
import { useLatestProjection } from './engine/use-latest-projection.ts';
import { createWindowLines, type WindowLines } from './engine/window-lines.ts';
import { DataStep } from './steps/DataStep.tsx';
import { HousingDataStep } from './steps/HousingDataStep.tsx';
import { HousingWorkbook } from './steps/housing/HousingWorkbook.tsx';
import { HistoryStep } from './steps/HistoryStep.tsx';
import { ResultsStep } from './steps/ResultsStep.tsx';
import { ScenariosStep } from './steps/ScenariosStep.tsx';
import { housingStepPurposes, steps, type StepId } from './steps.ts';

const horizon = 24;

export function App({ bridge }: { bridge: WorkbookBridge }) {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [workbook, setWorkbook] = useState<WorkbookSummary | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [returnsReport, setReturnsReport] = useState<Ssda903ReportJson | null>(null);
  const [scenarios, setScenarios] = useState<ScenarioInput[]>([]);
  const [selected, setSelected] = useState(0);
  const [compare, setCompare] = useState<number[]>([]);
  const [fitted, setFitted] = useState<ResultJson | null>(null);
  const [projection, setProjection] = useState<Projection | null>(null);
  // The Scenarios step's lines for the latest settings, worked out in the window ahead of their projection.
  const [preview, setPreview] = useState<ChartPaths | null>(null);
  const windowLines = useRef<WindowLines | null>(null);
  const [modelProblem, setModelProblem] = useState<string | null>(null);
  const [step, setStep] = useState<StepId>('data');
  const [help, setHelp] = useState<HelpTopic | null>(null);
  const [choosingService, setChoosingService] = useState(false);
  const [importRequests, setImportRequests] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const engine = useMemo<EngineClient>(() => createEngineClient(), []);
  // A new function whenever the fitted lists change, so the calibration panel measures them again.
  const calibrateWorkbook = useCallback(() => engine.calibrate(), [engine, fitted]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Every bridge call goes through here so that a failure always reaches the user in words.
  const run = useCallback(async <T,>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      setProblem(null);
      return await call();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      return undefined;
    }
  }, []);

  useEffect(() => {
    void run(async () => {
      const [info, current] = await Promise.all([bridge.getAppInfo(), bridge.getWorkbook()]);
      setAppInfo(info);
      setWorkbook(current);
    });
  }, [bridge, run]);

  // A different workbook, or new lists: fetch its data and fit the model again in the worker.
  const housing = workbook?.service === 'housing';
  const dataKey = workbook ? `${workbook.service ?? 'children'}|${workbook.createdAt}|${workbook.filePath}|${workbook.rows.referrals}|${workbook.rows.cpp}|${workbook.rows.cla}|${report ? report.issues.length : ''}|${JSON.stringify(workbook.returns ?? null)}|${workbook.undo ?? ''}` : '';
  useEffect(() => {
    if (!workbook) return;
    let cancelled = false;
    setFitted(null);
    setProjection(null);
    setPreview(null);
    windowLines.current = null;
    if (workbook.service === 'housing') {
      // A housing workbook's steps fetch and fit its lists themselves (steps/housing/HousingWorkbook.tsx).
      setReport(null);
      setReturnsReport(null);
      setModelProblem(null);
      return;
    }
    void run(async () => {
      const data = await bridge.getWorkbookData();
      if (cancelled) return;
      setReport(data.report);
      setReturnsReport(data.returnsReport);
      setScenarios(data.scenarios as ScenarioInput[]);
      setSelected(0);
      setCompare([]);
      if (data.dataset.referrals.length === 0 && data.dataset.cpp.length === 0 && data.dataset.cla.length === 0) {
        setModelProblem('There are no lists in this workbook yet: paste or import them on the Data step.');
        return;
      }
      try {
        const { result, setup } = await engine.load(data.dataset as Dataset, horizon);
        if (!cancelled) {
          windowLines.current = createWindowLines(setup);
          setFitted(result);
          setModelProblem(null);
        }
      } catch (err) {
        if (!cancelled) setModelProblem(err instanceof Error ? err.message : String(err));
      }
    });
    return () => {
      cancelled = true;
    };
  }, [dataKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // A setting wrong beside the others (an end before its start) is marked at its field on Scenarios; until
  // it is put right the scenarios are neither saved nor worked out again, and the figures say so.
  const unsettled = useMemo(() => scenarios.flatMap((s, i) => scenarioProblemsInWords(s, i)), [scenarios]);

  // Scenarios: project at once (in the worker), save shortly after the last change. The last result stays
  // on screen until the next one arrives; the likely ranges follow the expected paths. Projections are drawn
  // as they arrive, rendered at once (not in a later task, after which a frame could come first); the lines
  // the window worked out for the same settings give way to them.
  const showProjection = useCallback((next: Projection) => {
    if (next.result.projection) windowLines.current?.learn(next.result.projection);
    flushSync(() => {
      setProjection(next);
      setPreview(null);
    });
  }, []);
  useLatestProjection(fitted !== null && unsettled.length === 0, (onComplete) => engine.project(scenarios, horizon, onComplete), showProjection, setModelProblem, [fitted, scenarios, engine]);

  // The same function from render to render: the scenario settings are then drawn again only when they change.
  const changeScenarios = useCallback(
    (next: ScenarioInput[]) => {
      const unsettledNext = next.some((s, i) => scenarioProblemsInWords(s, i).length > 0);
      setScenarios(next);
      // The charts' lines for the new settings, drawn in this same task; none while a setting is to be put right.
      setPreview(unsettledNext ? null : (windowLines.current?.lines(next) ?? null));
      if (saveTimer.current) clearTimeout(saveTimer.current);
      if (unsettledNext) return;
      saveTimer.current = setTimeout(() => void run(async () => setWorkbook(await bridge.saveScenarios({ scenarios: next }))), 400);
    },
    [bridge, run],
  );

  const onCommand = useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'new-workbook':
          setChoosingService(true);
          break;
        case 'open-workbook':
          void run(async () => setWorkbook((await bridge.openWorkbook()).workbook));
          setStep('data');
          break;
        case 'save-workbook-as':
          void run(async () => setWorkbook((await bridge.saveWorkbookAs({})).workbook));
          break;
        case 'import-lists':
          setStep('data');
          setImportRequests((n) => n + 1);
          break;
        case 'export-excel':
          setStep('export');
          break;
        case 'about':
        case 'where-is-my-data':
          setHelp(command);
          break;
        case 'workbook-opened':
          void run(async () => setWorkbook(await bridge.getWorkbook()));
          setStep('data');
          break;
      }
    },
    [bridge, run],
  );

  useEffect(() => bridge.onMenuCommand(onCommand), [bridge, onCommand]);

  useEffect(() => {
    if (workbook) document.title = `${workbook.title} - Demand Workbook`;
  }, [workbook]);

  const result = projection?.result ?? fitted;
  const current = steps.find((s) => s.id === step)!;
  const waiting = !result && !modelProblem;
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">Demand Workbook</div>
        <div className="toolbar" role="toolbar" aria-label="Workbook">
          <button type="button" onClick={() => onCommand('new-workbook')}>New workbook</button>
          <button type="button" onClick={() => void run(async () => setWorkbook(await bridge.openDemoWorkbook()))}>Open demo workbook</button>
          <button type="button" onClick={() => void run(async () => setWorkbook(await bridge.openHousingDemoWorkbook()))}>Open housing demo</button>
          <button type="button" onClick={() => onCommand('where-is-my-data')}>Where is my data?</button>
          <button type="button" onClick={() => onCommand('about')}>About</button>
        </div>
      </header>
      {workbook?.isDemo && (
        <p className="demo-banner" role="status">
          <strong>Demo workbook.</strong> Every figure here comes from a made-up authority, so you can try the tool before
          adding your own lists.
        </p>
      )}
      {workbook && <WorkbookNotices workbook={workbook} />}
      <StepNav current={step} onSelect={setStep} />
      <main className="step" aria-labelledby="step-heading">
        <h1 id="step-heading">
          {steps.indexOf(current) + 1}. {current.label}
        </h1>
        <p className="purpose">{housing ? housingStepPurposes[current.id] : current.purpose}</p>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {step === 'data' && workbook && housing && (
          <>
            <WorkbookTitleForm workbook={workbook} onRename={(title) => void run(async () => setWorkbook(await bridge.renameWorkbook({ title })))} />
            <HousingDataStep bridge={bridge} workbook={workbook} onImported={setWorkbook} />
            <WorkbookFilePanel bridge={bridge} appInfo={appInfo} workbook={workbook} onChange={setWorkbook} run={run} />
          </>
        )}
        {step !== 'data' && housing && workbook && <HousingWorkbook bridge={bridge} workbook={workbook} step={step} engine={engine} onWorkbook={setWorkbook} />}
        {step === 'data' && workbook && !housing && (
          <>
            <WorkbookTitleForm workbook={workbook} onRename={(title) => void run(async () => setWorkbook(await bridge.renameWorkbook({ title })))} />
            <DataStep
              bridge={bridge}
              workbook={workbook}
              report={report}
              returnsReport={returnsReport}
              appDialog={appInfo?.transport === 'electron'}
              importRequests={importRequests}
              onImported={(next, nextReport) => {
                setReport(nextReport);
                setWorkbook(next);
              }}
            />
            <WorkbookFilePanel bridge={bridge} appInfo={appInfo} workbook={workbook} onChange={setWorkbook} run={run} />
          </>
        )}
        {!housing && step !== 'data' && step !== 'export' && modelProblem && (
          <p className="notice" role="status">
            {modelProblem}
          </p>
        )}
        {!housing && step !== 'data' && step !== 'export' && unsettled.length > 0 && (
          <div className="notice stale" role="status">
            <p>
              {projection ? 'The figures shown are from before your last change, which has a setting to put right on the Scenarios step:' : 'A scenario has a setting to put right on the Scenarios step:'}
            </p>
            <ul>
              {unsettled.map((words) => (
                <li key={words}>{words}</li>
              ))}
            </ul>
            <p>Your scenarios are saved and worked out again once it is put right.</p>
          </div>
        )}
        {!housing && step !== 'data' && step !== 'export' && waiting && (
          <p className="notice" role="status">
            Working out the history and the rates…
          </p>
        )}
        {step === 'history' && result && <HistoryStep result={result} />}
        {step === 'scenarios' && result && (
          <ScenariosStep scenarios={scenarios} onChange={changeScenarios} selected={selected} onSelect={setSelected} compare={compare} onCompare={setCompare} result={result} preview={preview} rangesPending={projection ? !projection.complete : true} />
        )}
        {step === 'results' && result && <ResultsStep result={result} rangesPending={projection ? !projection.complete : true} runBacktest={(from, months) => engine.backtest(from, months)} calibrate={calibrateWorkbook} />}
        {step === 'export' && !housing && <ExportPanel bridge={bridge} />}
      </main>
      <footer className="app-footer">
        {appInfo ? <span>Version {appInfo.version}. Your data stays on this computer: nothing is sent over the network.</span> : <span>Starting…</span>}
      </footer>
      {help && appInfo && <HelpDialog topic={help} appInfo={appInfo} onClose={() => setHelp(null)} />}
      {choosingService && (
        <ServiceChoiceDialog
          onClose={() => setChoosingService(false)}
          onChoose={(service) => {
            setChoosingService(false);
            setStep('data');
            void run(async () => setWorkbook(await bridge.newWorkbookFor({ service })));
          }}
        />
      )}
    </div>
  );
}
