// A process that keeps saving a workbook as another file and says "saved N" after each copy is in place,
// for the crash test to kill at random moments (midway through a copy, most of the time).
import { WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';

const [source, target] = [process.argv[2]!, process.argv[3]!];
const store = WorkbookStore.open(source);
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  await store.saveCopyAs(target);
  process.stdout.write(`saved ${n}\n`);
}
