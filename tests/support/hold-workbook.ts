// Another window: opens a workbook, says "open", and keeps it open until killed.
import { WorkbookStore } from '../../electron/backend/storage/workbook-store.ts';

const store = WorkbookStore.open(process.argv[2]!);
process.stdout.write(`open ${store.readOnlyReason === null ? 'writable' : 'read-only'}\n`);
setInterval(() => store.info(), 1000);
