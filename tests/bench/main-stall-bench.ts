// The main process's longest event-loop stall while the window imports 100,000 rows, reads them back,
// saves the workbook and exports it to Excel: the backend in its worker thread, called as Electron's
// IPC handlers call it, with monitorEventLoopDelay watching this (the main) thread. The same sequence
// with the backend in this thread, as before, for comparison.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../../shared/contracts/dispatch.ts';
import { clipboardText } from '../../shared/synthetic/write-annex-a.ts';
import { createBackend } from '../../electron/backend/backend.ts';
import { sourceWorkerEntry, startBackendWorker } from '../../electron/backend-host/backend-worker.ts';
import { inProcessHost, type BackendHost } from '../../electron/backend-host/host.ts';
import { savePathChooser } from '../../electron/common/export-folder.ts';
import { largeSnapshot } from './bench-data.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Record = (name: string, ms: number, target: number | null) => void;

// Only the pasted text is kept: the main process of the app holds no such objects.
const sources = (() => {
  const snapshot = largeSnapshot(60_000, 20_000, 20_000);
  return (['referrals', 'cpp', 'cla'] as const).map((list) => ({ kind: 'pasted' as const, name: `Pasted ${list}`, list, text: clipboardText(snapshot, list, true) }));
})();

async function run(host: BackendHost): Promise<{ stallMs: number; totalMs: number }> {
  // The window's calls as they arrive over IPC or loopback: JSON bytes, made by the window, not here.
  const requests = new Map<string, Uint8Array>();
  const body = (args: unknown[]) => new Uint8Array(Buffer.from(JSON.stringify({ args })));
  requests.set('importLists', body([{ sources, extractDate: '2024-09-30' }]));
  const expectOk = async (method: string, args: unknown[]) => {
    const answer = await host.callWithJsonBody(method, requests.get(method) ?? body(args));
    if (!answer.ok) throw new Error(`bench: ${method} failed: ${Buffer.from(answer.json).toString('utf8').slice(0, 300)}`);
    return answer;
  };
  await expectOk('getWorkbook', []); // started, demo open: not part of the figure
  // The bench's own garbage (the generated rows) is collected now, not during the figure.
  (globalThis as { gc?: () => void }).gc?.();
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  // A timer that keeps the loop turning, as a window's events would.
  const ticker = setInterval(() => undefined, 5);
  histogram.enable();
  // The histogram records from its second tick: a stall before then would go unseen.
  await sleep(30);
  const start = performance.now();
  const phases: string[] = [];
  let last = 0;
  const phase = (name: string) => {
    if (process.env.BENCH_STALL_PHASES) phases.push(`${name} ${(histogram.max / 1e6 - last).toFixed(0)}`);
    last = histogram.max / 1e6;
  };
  await expectOk('importLists', [{ sources, extractDate: '2024-09-30' }]);
  phase('import');
  await expectOk('getWorkbookData', []);
  phase('read');
  await expectOk('saveWorkbookAs', [{}]);
  phase('save');
  await expectOk('exportToExcel', []);
  phase('export');
  if (phases.length) console.log(phases.join(', '));
  const totalMs = performance.now() - start;
  await sleep(30); // let a stall at the very end be recorded
  histogram.disable();
  clearInterval(ticker);
  return { stallMs: histogram.max / 1e6, totalMs };
}

/** The longest stall of an idle main thread while a worker thread computes: this machine's noise floor. */
async function noiseFloor(): Promise<number> {
  const { Worker } = await import('node:worker_threads');
  const busy = new Worker('require("node:worker_threads").parentPort.on("message", (ms) => { const t = Date.now(); let a = []; while (Date.now() - t < ms) { a.push({ x: Math.random() }); if (a.length > 1e5) a = []; } require("node:worker_threads").parentPort.postMessage(0); });', { eval: true });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  const ticker = setInterval(() => undefined, 5);
  histogram.enable();
  await sleep(30);
  busy.postMessage(3000);
  await new Promise((resolve) => busy.once('message', resolve));
  await sleep(30);
  histogram.disable();
  clearInterval(ticker);
  await busy.terminate();
  return histogram.max / 1e6;
}

async function measure(): Promise<Array<{ name: string; ms: number; target: number | null }>> {
  const results: Array<{ name: string; ms: number; target: number | null }> = [];
  const record: Record = (name, ms, target) => results.push({ name, ms, target });
  const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-stall-'));
  const options = (dataFolder: string) => {
    mkdirSync(dataFolder, { recursive: true });
    return { productName: 'Demand Workbook', version: '0.1.0', transport: 'electron' as const, dataFolder, chooseSavePath: savePathChooser(dataFolder) };
  };
  try {
    const worker = startBackendWorker({ entry: sourceWorkerEntry, ...options(path.join(folder, 'worker')) });
    try {
      const { stallMs, totalMs } = await run(worker);
      record(`Main process's longest stall: import, read back, save and export 100,000 rows (backend in its worker; ${(totalMs / 1000).toFixed(1)} s in all)`, stallMs, 50);
    } finally {
      await worker.close();
    }
    record('  for reference, an idle main thread beside a busy worker (this machine\'s scheduling noise)', await noiseFloor(), null);
    const backend = createBackend(options(path.join(folder, 'in-process')));
    const { stallMs } = await run(inProcessHost(createDispatcher(backend), backend));
    backend.shutdown();
    record('  the same with the backend in the main process, as before', stallMs, null);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return results;
}

// Measured in a process of its own, whose heap holds what a main process holds, not the other benchmarks'
// data (a collection of those would be counted as a stall).
export async function mainStallBenchmarks(record: Record): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, '--measure'], { encoding: 'utf8', cwd: path.resolve(path.dirname(script), '..', '..'), maxBuffer: 1 << 20 });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !line.startsWith('[')) throw new Error(`bench: the main-process stall measurement failed:\n${child.stderr.slice(-2000)}`);
  for (const r of JSON.parse(line) as Array<{ name: string; ms: number; target: number | null }>) record(r.name, r.ms, r.target);
}

if (process.argv.includes('--measure') && process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measure()));
}
