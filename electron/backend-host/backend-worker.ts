// The main process's side of the backend's worker thread. Calls are forwarded as they came (the worker
// validates them against the bridge schemas) and answered with JSON bytes that are passed on unread,
// so the main process stays free to draw the window while an import, a save or an export runs. Two
// methods are answered here, because the worker is busy when they matter: getProgress, from the state
// the worker publishes, and cancelWork, by setting a flag in memory shared with the worker.
import { Worker } from 'node:worker_threads';
import { createPartialDispatcher } from '../../shared/contracts/dispatch.ts';
import type { Transport } from '../../shared/contracts/schemas.ts';
import { elapsed, requestCancel, type PublishedWork } from '../backend/work.ts';
import { encodeEnvelope, failure, type EncodedAnswer } from './encoded.ts';
import type { BackendHost } from './host.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

export interface BackendWorkerOptions {
  /** The worker's script: dist/electron/backend-worker.js when built, dev-worker.mjs from the sources. */
  entry: URL;
  productName: string;
  version: string;
  transport: Transport;
  dataFolder: string;
  chooseSavePath: (suggestedName: string, kind: 'workbook' | 'excel') => Promise<string | null>;
  chooseOpenPath?: () => Promise<string | null>;
  chooseSsda903Paths?: (what: 'folder' | 'files') => Promise<string[] | null>;
}

/** The worker's script when running from the TypeScript sources. */
export const sourceWorkerEntry = new URL('./dev-worker.mjs', import.meta.url);

export function startBackendWorker(options: BackendWorkerOptions): BackendHost {
  const cancelFlag = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancelFlag);
  let work: PublishedWork | null = null;
  let nextId = 1;
  const pending = new Map<number, (answer: EncodedAnswer) => void>();
  const opening = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  let worker: Worker | null = null;
  let closed: Promise<void> | null = null;

  const local = createPartialDispatcher({
    getProgress: () => ({ work: work && elapsed(work, Date.now()) }),
    cancelWork: () => {
      // The state published may be a moment old: the shared flag says whether the worker has begun to save.
      if (!work?.cancellable || !requestCancel(flag)) return { cancelling: false };
      work = { ...work, cancelling: true };
      return { cancelling: true };
    },
  });
  const answeredHere = (method: unknown): method is 'getProgress' | 'cancelWork' => method === 'getProgress' || method === 'cancelWork';

  const onMessage = (message: FromWorker) => {
    switch (message.type) {
      case 'answer':
        pending.get(message.id)?.({ ok: message.ok, code: message.code, json: message.json });
        pending.delete(message.id);
        return;
      case 'work':
        // Keep "stopping" once asked, until the task ends.
        work = message.work && { ...message.work, cancelling: message.work.cancelling || (work?.cancelling === true && work.task === message.work.task && work.startedAt === message.work.startedAt) };
        return;
      case 'ask': {
        if (message.question === 'ssda903-paths') {
          const replyPaths = (paths: string[] | null) => worker?.postMessage({ type: 'chosen-paths', id: message.id, paths } satisfies ToWorker);
          (options.chooseSsda903Paths?.(message.what) ?? Promise.resolve(null)).then(replyPaths, () => replyPaths(null));
          return;
        }
        const reply = (path: string | null) => worker?.postMessage({ type: 'chosen', id: message.id, path } satisfies ToWorker);
        const choose = message.question === 'save-path' ? options.chooseSavePath(message.suggestedName, message.kind) : (options.chooseOpenPath?.() ?? Promise.resolve(null));
        choose.then(reply, () => reply(null));
        return;
      }
      case 'opened': {
        const waiting = opening.get(message.id);
        opening.delete(message.id);
        if (message.error === null) waiting?.resolve();
        else waiting?.reject(new Error(message.error));
        return;
      }
      case 'closed':
        return;
    }
  };

  // A worker that stopped (a crash in native code, an out-of-memory) fails what it was doing, in words;
  // the next call starts a new one, which reopens the last workbook as after any restart.
  const onGone = (reason: string) => {
    worker = null;
    work = null;
    for (const resolve of pending.values()) resolve(failure('transport', `The app's background worker stopped (${reason}). Your last saved changes are kept; please try again.`));
    pending.clear();
    for (const waiting of opening.values()) waiting.reject(new Error(`The app's background worker stopped (${reason}).`));
    opening.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const setup: WorkerSetup = {
      productName: options.productName,
      version: options.version,
      transport: options.transport,
      dataFolder: options.dataFolder,
      cancelFlag,
      canChooseOpenPath: options.chooseOpenPath !== undefined,
      canChooseSsda903Paths: options.chooseSsda903Paths !== undefined,
    };
    const started = new Worker(options.entry, { workerData: setup });
    started.on('message', onMessage);
    started.on('error', (err) => onGone(err.message));
    started.on('exit', (code) => {
      if (worker === started) onGone(`exit code ${code}`);
    });
    worker = started;
    return started;
  };

  const send = (message: ToWorker, transfer: ArrayBuffer[] = []) => ensureWorker().postMessage(message, transfer);

  const forward = (build: (id: number) => ToWorker, transfer: ArrayBuffer[] = []) => {
    if (closed) return Promise.resolve(failure('transport', 'The app is closing.'));
    const id = nextId++;
    return new Promise<EncodedAnswer>((resolve) => {
      pending.set(id, resolve);
      send(build(id), transfer);
    });
  };

  // Start at once: the backend loads while the window does.
  ensureWorker();

  return {
    call: async (method, args) => {
      if (answeredHere(method)) return encodeEnvelope(await local(method, args));
      return forward((id) => ({ type: 'call', id, method, args }));
    },
    callWithJsonBody: async (method, body) => {
      if (answeredHere(method)) {
        // These take no arguments: the body is small and is read here.
        const parsed = JSON.parse(Buffer.from(body).toString('utf8') || 'null') as { args?: unknown } | null;
        return encodeEnvelope(await local(method, parsed?.args));
      }
      // A body that owns its memory moves to the worker without a copy.
      const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
      return forward((id) => ({ type: 'call-json', id, method, body: own }), [own.buffer as ArrayBuffer]);
    },
    openFile: (file) =>
      new Promise<void>((resolve, reject) => {
        const id = nextId++;
        opening.set(id, { resolve, reject });
        send({ type: 'open-file', id, file });
      }),
    close: () => {
      if (closed) return closed;
      const running = worker;
      worker = null;
      closed = running
        ? new Promise<void>((resolve) => {
            const timer = setTimeout(() => void running.terminate().then(() => resolve()), 5000);
            running.on('message', (m: FromWorker) => {
              if (m.type !== 'closed') return;
              clearTimeout(timer);
              void running.terminate().then(() => resolve());
            });
            running.postMessage({ type: 'shutdown' } satisfies ToWorker);
          })
        : Promise.resolve();
      return closed;
    },
  };
}
