// Data shapes that cross the bridge. Every value the renderer and the backend exchange is described here
// once, so both transports (Electron IPC and the loopback server) validate against the same rules.
import { z } from 'zod';

export const Transport = z.enum(['electron', 'loopback']);
export type Transport = z.infer<typeof Transport>;

export const AppInfo = z.strictObject({
  productName: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+/, 'must be a semantic version'),
  transport: Transport,
  /** Where autosave, recovery copies and settings live on this computer. */
  dataFolder: z.string().min(1),
  /** Always false: shown to the user so the promise is explicit and testable. */
  sendsDataOverNetwork: z.literal(false),
});
export type AppInfo = z.infer<typeof AppInfo>;

// Trimmed, single-line, short enough for a window title and an Excel sheet header.
export const WorkbookTitle = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'must not be empty')
      .max(120, 'must be at most 120 characters'),
  );

export const WorkbookSummary = z.strictObject({
  title: z.string().min(1).max(120),
  isDemo: z.boolean(),
  /** The file the person saved the workbook as, or null while it lives only in the autosave folder. */
  filePath: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Why changes cannot be saved (the file is open elsewhere), or null. */
  readOnlyReason: z.string().nullable(),
  rows: z.strictObject({ referrals: z.number().int().min(0), cpp: z.number().int().min(0), cla: z.number().int().min(0) }),
});
export type WorkbookSummary = z.infer<typeof WorkbookSummary>;

export const RenameWorkbookRequest = z.strictObject({ title: WorkbookTitle });
export type RenameWorkbookRequest = z.input<typeof RenameWorkbookRequest>;

export const ExcelExportResult = z.strictObject({
  /** False when the person cancelled the save dialog. */
  saved: z.boolean(),
  filePath: z.string().nullable(),
  sheets: z.array(z.string()),
});
export type ExcelExportResult = z.infer<typeof ExcelExportResult>;

export const SaveResult = z.strictObject({ saved: z.boolean(), workbook: WorkbookSummary });
export type SaveResult = z.infer<typeof SaveResult>;

export const RecentWorkbook = z.strictObject({ filePath: z.string().min(1), name: z.string() });
export const RecentWorkbooks = z.array(RecentWorkbook);
export type RecentWorkbook = z.infer<typeof RecentWorkbook>;
export const OpenRecentRequest = z.strictObject({ filePath: z.string().min(1).max(4096) });
