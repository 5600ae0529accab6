// The backend's worker thread: the real backend and the bridge dispatcher (which validates every call's
// arguments and result), answering the main process with JSON bytes it can forward as they are. The
// file choosers are dialogs of the main process: asked for over the same channel. worker-entry.ts
// starts it for the app; the browser tests' paced worker starts it with a wrapped work tracker.
import { parentPort, workerData } from 'node:worker_threads';
import { createDispatcher } from '../../shared/contracts/dispatch.ts';
import { createBackend } from '../backend/backend.ts';
import { createWorkTracker, type WorkTracker } from '../backend/work.ts';
import { argsFromJsonBody, encodeEnvelope, type EncodedAnswer } from './encoded.ts';
import type { FromWorker, ToWorker, WorkerSetup } from './protocol.ts';

export interface ServeOptions {
  /** For the browser tests only: wraps the work tracker the backend reports to (a paced import). */
  wrapTracker?: (tracker: WorkTracker) => WorkTracker;
}

/** Runs the backend in this worker thread, answering the main process until it says shut down. */
export function serveBackendWorker(options: ServeOptions = {}): void {
  const port = parentPort!;
  const setup = workerData as WorkerSetup;
  const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

  let nextQuestion = 1;
  const questions = new Map<number, (path: string | null) => void>();
  const ask = (question: { question: 'save-path'; suggestedName: string; kind: 'workbook' | 'excel' } | { question: 'open-path' }) =>
    new Promise<string | null>((resolve) => {
      const id = nextQuestion++;
      questions.set(id, resolve);
      post({ type: 'ask', id, ...question });
    });
  const pathQuestions = new Map<number, (paths: string[] | null) => void>();
  const askPaths = (what: 'folder' | 'files') =>
    new Promise<string[] | null>((resolve) => {
      const id = nextQuestion++;
      pathQuestions.set(id, resolve);
      post({ type: 'ask', id, question: 'ssda903-paths', what });
    });

  const tracker = createWorkTracker({ cancelFlag: new Int32Array(setup.cancelFlag), publish: (state) => post({ type: 'work', work: state }) });
  const work = options.wrapTracker ? options.wrapTracker(tracker) : tracker;
  const backend = createBackend({
    productName: setup.productName,
    version: setup.version,
    transport: setup.transport,
    dataFolder: setup.dataFolder,
    work,
    // The clock of the work stops while the person is in a dialog.
    chooseSavePath: (suggestedName, kind) => work.hold(() => ask({ question: 'save-path', suggestedName, kind })),
    ...(setup.canChooseOpenPath ? { chooseOpenPath: () => work.hold(() => ask({ question: 'open-path' })) } : {}),
    ...(setup.canChooseSsda903Paths ? { chooseSsda903Paths: (what: 'folder' | 'files') => work.hold(() => askPaths(what)) } : {}),
  });
  const dispatch = createDispatcher(backend);

  const answer = (id: number, encoded: EncodedAnswer) => {
    // Transfer the bytes: the main process gets them without a copy. Buffer.from may share a pooled
    // ArrayBuffer for small answers, which cannot be transferred; copy those (they are small).
    const own = encoded.json.byteOffset === 0 && encoded.json.byteLength === encoded.json.buffer.byteLength ? encoded.json : encoded.json.slice();
    post({ type: 'answer', id, ok: encoded.ok, code: encoded.code, json: own }, [own.buffer as ArrayBuffer]);
  };

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'call':
        void dispatch(message.method, message.args).then((envelope) => answer(message.id, encodeEnvelope(envelope)));
        return;
      case 'call-json': {
        const request = argsFromJsonBody(message.method, message.body);
        if ('answer' in request) answer(message.id, request.answer);
        else void dispatch(message.method, request.args).then((envelope) => answer(message.id, encodeEnvelope(envelope)));
        return;
      }
      case 'chosen':
        questions.get(message.id)?.(message.path);
        questions.delete(message.id);
        return;
      case 'chosen-paths':
        pathQuestions.get(message.id)?.(message.paths);
        pathQuestions.delete(message.id);
        return;
      case 'open-file':
        try {
          backend.openFile(message.file);
          post({ type: 'opened', id: message.id, error: null });
        } catch (err) {
          post({ type: 'opened', id: message.id, error: err instanceof Error ? err.message : String(err) });
        }
        return;
      case 'shutdown':
        backend.shutdown();
        post({ type: 'closed' });
        port.close();
        return;
    }
  });
}
