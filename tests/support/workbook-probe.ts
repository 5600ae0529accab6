// Opens a workbook in a separate process (run as another user where the test needs a file this account
// cannot change) and says what happened, as one line of JSON: the read-only reason, the title, and what a
// change did; with a second path, it also saves a copy there.
import { existsSync } from 'node:fs';
import { WorkbookFileError, WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';

const [file, copyTo] = [process.argv[2]!, process.argv[3]];
const failure = (err: unknown) => (err instanceof WorkbookFileError ? { problem: err.problem, message: err.message } : { problem: 'raw', message: String(err) });
let answer: Record<string, unknown>;
try {
  const store = WorkbookStore.open(file);
  let change: unknown = 'saved';
  try {
    store.rename('Changed elsewhere');
  } catch (err) {
    change = failure(err);
  }
  answer = { opened: true, readOnlyReason: store.readOnlyReason, title: store.info().title, referrals: store.rowCounts().referrals, change };
  if (copyTo) {
    try {
      await store.saveCopyAs(copyTo);
      answer.copy = 'saved';
    } catch (err) {
      answer.copy = failure(err);
    }
  }
  store.close();
} catch (err) {
  answer = { opened: false, ...failure(err) };
}
answer.leftBeside = ['-wal', '-shm', '.lock'].filter((s) => existsSync(file + s));
process.stdout.write(JSON.stringify(answer) + '\n');
