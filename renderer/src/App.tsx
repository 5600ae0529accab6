import { useCallback, useEffect, useState } from 'react';
import type { WorkbookBridge } from '../../shared/contracts/bridge.ts';
import type { MenuCommand } from '../../shared/contracts/menu-commands.ts';
import type { AppInfo, WorkbookSummary } from '../../shared/contracts/schemas.ts';
import { ExportPanel } from './components/ExportPanel.tsx';
import { HelpDialog, type HelpTopic } from './components/HelpDialog.tsx';
import { StepNav } from './components/StepNav.tsx';
import { WorkbookFilePanel } from './components/WorkbookFilePanel.tsx';
import { WorkbookTitleForm } from './components/WorkbookTitleForm.tsx';
import { steps, type StepId } from './steps.ts';

export function App({ bridge }: { bridge: WorkbookBridge }) {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [workbook, setWorkbook] = useState<WorkbookSummary | null>(null);
  const [step, setStep] = useState<StepId>('data');
  const [help, setHelp] = useState<HelpTopic | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

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

  const onCommand = useCallback(
    (command: MenuCommand) => {
      setNotice(null);
      switch (command) {
        case 'new-workbook':
          void run(async () => setWorkbook(await bridge.newWorkbook()));
          setStep('data');
          break;
        case 'import-lists':
          setStep('data');
          break;
        case 'export-excel':
          setStep('export');
          break;
        case 'open-workbook':
          void run(async () => setWorkbook((await bridge.openWorkbook()).workbook));
          setStep('data');
          break;
        case 'save-workbook-as':
          void run(async () => setWorkbook((await bridge.saveWorkbookAs()).workbook));
          break;
        case 'about':
        case 'where-is-my-data':
          setHelp(command);
          break;
      }
    },
    [bridge, run],
  );

  useEffect(() => bridge.onMenuCommand(onCommand), [bridge, onCommand]);

  useEffect(() => {
    if (workbook) document.title = `${workbook.title} - Demand Workbook`;
  }, [workbook]);

  const current = steps.find((s) => s.id === step)!;
  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">Demand Workbook</div>
        <div className="toolbar" role="toolbar" aria-label="Workbook">
          <button type="button" onClick={() => onCommand('new-workbook')}>New workbook</button>
          <button type="button" onClick={() => void run(async () => setWorkbook(await bridge.openDemoWorkbook()))}>Open demo workbook</button>
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
      <StepNav current={step} onSelect={setStep} />
      <main className="step" aria-labelledby="step-heading">
        <h1 id="step-heading">
          {steps.indexOf(current) + 1}. {current.label}
        </h1>
        <p className="purpose">{current.purpose}</p>
        {problem && (
          <p className="problem" role="alert">
            {problem}
          </p>
        )}
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {step === 'export' && <ExportPanel bridge={bridge} />}
        {step === 'data' && workbook && (
          <>
            <WorkbookTitleForm workbook={workbook} onRename={(title) => void run(async () => setWorkbook(await bridge.renameWorkbook({ title })))} />
            <WorkbookFilePanel bridge={bridge} workbook={workbook} onChange={setWorkbook} run={run} />
          </>
        )}
      </main>
      <footer className="app-footer">
        {appInfo ? (
          <span>
            Version {appInfo.version}. Your data stays on this computer: nothing is sent over the network.
          </span>
        ) : (
          <span>Starting…</span>
        )}
      </footer>
      {help && appInfo && <HelpDialog topic={help} appInfo={appInfo} onClose={() => setHelp(null)} />}
    </div>
  );
}
