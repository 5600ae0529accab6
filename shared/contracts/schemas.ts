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

/** The SSDA903 returns a workbook holds, counted: what the Data step says of them. */
export const ReturnsSummary = z.strictObject({
  returns: z.number().int().min(1),
  episodes: z.number().int().min(0),
  children: z.number().int().min(0),
  /** The 31 March the first and the last return end on. */
  firstYearEnding: z.string().regex(/^\d{4}-03-31$/),
  lastYearEnding: z.string().regex(/^\d{4}-03-31$/),
});
export type ReturnsSummary = z.infer<typeof ReturnsSummary>;

/** What a workbook forecasts: children's social care (Annex A lists) or homelessness and temporary accommodation. */
export const WorkbookService = z.enum(['children', 'housing']);
export type WorkbookService = z.infer<typeof WorkbookService>;

export const WorkbookSummary = z.strictObject({
  title: z.string().min(1).max(120),
  /** Absent from answers of versions before housing: a children's services workbook. */
  service: WorkbookService.optional(),
  /** A housing workbook's lists, counted (null in a children's services workbook). */
  housingRows: z.strictObject({ cases: z.number().int().min(0), ta: z.number().int().min(0) }).nullable().optional(),
  isDemo: z.boolean(),
  /** The file the person saved the workbook as, or null while it lives only in the autosave folder. */
  filePath: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** Why changes cannot be saved (open elsewhere, a read-only file or folder, its lock taken over), or null. */
  readOnlyReason: z.string().nullable(),
  /** Something the person should know about how this workbook was opened (a stale lock taken over), or null. */
  notice: z.string().nullable().optional(),
  rows: z.strictObject({ referrals: z.number().int().min(0), cpp: z.number().int().min(0), cla: z.number().int().min(0) }),
  /** The extract date the person gave, kept in the workbook and applied to every import; null if none. */
  extractDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** What Undo and Redo would take back or make again ("the paste into ..."), kept in the workbook file. */
  undo: z.string().nullable(),
  redo: z.string().nullable(),
  /** The SSDA903 returns it holds, or null (absent from answers of versions before the returns). */
  returns: ReturnsSummary.nullable().optional(),
});
export type WorkbookSummary = z.infer<typeof WorkbookSummary>;

export const NewWorkbookRequest = z.strictObject({ service: WorkbookService });
export type NewWorkbookRequest = z.input<typeof NewWorkbookRequest>;

export const RenameWorkbookRequest = z.strictObject({ title: WorkbookTitle });
export type RenameWorkbookRequest = z.input<typeof RenameWorkbookRequest>;

export const ExcelExportResult = z.strictObject({
  /** False when the person cancelled the save dialog. */
  saved: z.boolean(),
  filePath: z.string().nullable(),
  sheets: z.array(z.string()),
  /**
   * The browser version only: the saved file again, base64, for the tab to hand to the person as a
   * download (a browser tab cannot show the backend's save dialog). Absent in the desktop app.
   */
  download: z.strictObject({ fileName: z.string().min(1).max(255), base64: z.string().max(70_000_000) }).optional(),
});
export type ExcelExportResult = z.infer<typeof ExcelExportResult>;

export const SaveResult = z.strictObject({ saved: z.boolean(), workbook: WorkbookSummary });

/** Save as: the browser version asks for the file name in the page (it cannot show a save dialog). */
export const SaveAsRequest = z.strictObject({ fileName: WorkbookTitle.optional() });
export type SaveAsRequest = z.input<typeof SaveAsRequest>;
export type SaveResult = z.infer<typeof SaveResult>;

export const RecentWorkbook = z.strictObject({ filePath: z.string().min(1), name: z.string() });
export const RecentWorkbooks = z.array(RecentWorkbook);
export type RecentWorkbook = z.infer<typeof RecentWorkbook>;
export const OpenRecentRequest = z.strictObject({ filePath: z.string().min(1).max(4096) });

// ---------------------------------------------------------------- lists and scenarios across the bridge

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoMonth = z.string().regex(/^\d{4}-\d{2}$/);
const childRecord = { child: z.string().min(1).max(40), birthMonth: isoMonth.nullable(), extract: z.number().int() };

export const DatasetSchema = z.strictObject({
  extracts: z.array(
    z.strictObject({
      id: z.number().int(),
      label: z.string(),
      extractDate: isoDate,
      extractDateSource: z.enum(['given', 'inferred']),
      windowStart: isoDate.optional(),
    }),
  ),
  referrals: z.array(
    z.strictObject({ ...childRecord, referralDate: isoDate, ageYears: z.number().nullable(), source: z.string().nullable(), nfa: z.boolean().nullable(), referralsInLast12Months: z.number().nullable() }),
  ),
  cpp: z.array(z.strictObject({ ...childRecord, startDate: isoDate, endDate: isoDate.nullable(), initialCategory: z.string().nullable(), latestCategory: z.string().nullable(), previousPlans: z.number().nullable() })),
  cla: z.array(
    z.strictObject({
      ...childRecord,
      startDate: isoDate,
      endDate: isoDate.nullable(),
      uasc: z.boolean().nullable(),
      reasonCeased: z.string().nullable(),
      legalStatus: z.string().nullable(),
      categoryOfNeed: z.string().nullable(),
      placementType: z.string().nullable(),
      placementGroup: z.enum(['foster', 'adoption', 'parents', 'independent', 'residential', 'secure', 'other']).nullable(),
      placementProvider: z.string().nullable(),
      placementStartDate: isoDate.nullable().optional(),
    }),
  ),
  /** Placements by date, where SSDA903 returns (or List 8's placement start dates) give them. */
  placements: z
    .array(
      z.strictObject({
        ...childRecord,
        startDate: isoDate,
        endDate: isoDate.nullable(),
        periodStart: isoDate,
        placementType: z.string().nullable(),
        placementGroup: z.enum(['foster', 'adoption', 'parents', 'independent', 'residential', 'secure', 'other']),
        provider: z.enum(['inHouse', 'private']).nullable(),
      }),
    )
    .optional(),
});

const listCounts = z.strictObject({
  present: z.boolean(),
  rowsRead: z.number().int(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  rowsBlank: z.number().int(),
  duplicates: z.number().int(),
  foundIn: z.array(z.string()),
});
const ListId = z.enum(['referrals', 'cpp', 'cla']);
const importIssue = z.strictObject({
  list: ListId.nullable(),
  file: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
});
export const ImportReportSchema = z.strictObject({
  referrals: listCounts,
  cpp: listCounts,
  cla: listCounts,
  issues: z.array(importIssue),
});

/** What an SSDA903 import read: the header and episodes rows accounted for, the returns found, every issue. */
export const Ssda903ReportSchema = z.strictObject({
  header: listCounts,
  episodes: listCounts,
  returns: z.array(z.strictObject({ label: z.string(), folder: z.string(), yearEnding: isoDate, files: z.array(z.string()) })),
  issues: z.array(importIssue),
});
export type Ssda903ReportJson = z.infer<typeof Ssda903ReportSchema>;

export const WorkbookData = z.strictObject({
  /** The lists and the SSDA903 returns combined, as the model reads them. */
  dataset: DatasetSchema,
  report: ImportReportSchema.nullable(),
  /** What the import of the returns the workbook holds read, or null when it holds none. */
  returnsReport: Ssda903ReportSchema.nullable(),
  /** Scenario JSON as saved; the engine validates each before use. */
  scenarios: z.array(z.unknown()),
});
export type WorkbookData = z.infer<typeof WorkbookData>;

// Which way round a column's text dates are written (04/01/2024: 4 January or 1 April). The import asks
// about columns that are ambiguous or contradict the day-first default; the answers come back with the
// next import request.
export const DateOrderSchema = z.enum(['dmy', 'mdy']);
const dateColumn = { list: ListId, file: z.string().min(1).max(260), sheet: z.string().max(200).nullable(), column: z.string().min(1).max(300) };
export const DateOrderAnswerSchema = z.strictObject({ ...dateColumn, order: DateOrderSchema });
export const DateQuestionSchema = z.strictObject({
  ...dateColumn,
  question: z.string(),
  suggested: DateOrderSchema.nullable(),
  example: z.strictObject({ text: z.string(), dayFirst: z.string(), monthFirst: z.string() }),
});
export type DateQuestion = z.infer<typeof DateQuestionSchema>;
export type DateOrderAnswer = z.infer<typeof DateOrderAnswerSchema>;

const maxPasteCharacters = 60 * 1024 * 1024;
export const ImportRequest = z.strictObject({
  sources: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('pasted'), list: ListId, name: z.string().min(1).max(200), text: z.string().max(maxPasteCharacters) }),
        z.strictObject({ kind: z.literal('file'), name: z.string().min(1).max(260), base64: z.string().max(maxPasteCharacters) }),
      ]),
    )
    .min(1, 'give at least one list')
    .max(50),
  extractDate: isoDate.nullable(),
  /** The person's answers to earlier date questions. */
  dateOrders: z.array(DateOrderAnswerSchema).max(500).optional(),
  /** Lists the person has already seen replaced from this same grid or these same files: no need to ask again. */
  replaceWithoutAsking: z.array(ListId).max(3).default([]),
});
export type ImportRequest = z.input<typeof ImportRequest>;

const Replacement = z.strictObject({ list: ListId, inWorkbook: z.number().int().min(0), incoming: z.number().int().min(0) });

/** What an import did to the workbook: replaced some lists, waits for the person to confirm, or changed nothing. */
export const ImportOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replaced'), changeId: z.number().int(), lists: z.array(ListId), message: z.string() }),
  z.strictObject({ kind: z.literal('confirm'), token: z.string().min(16).max(64), replacing: z.array(Replacement).min(1), question: z.string() }),
  z.strictObject({ kind: z.literal('unchanged'), message: z.string() }),
]);
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const ImportResponse = z.strictObject({
  workbook: WorkbookSummary,
  /** What this import read: every row accepted, rejected or blank, and why. */
  report: ImportReportSchema,
  /** The workbook's own report afterwards (lists not replaced keep theirs). */
  workbookReport: ImportReportSchema.nullable(),
  outcome: ImportOutcome,
  /** With date questions, nothing was stored: the lists wait for the person's answers. */
  dateQuestions: z.array(DateQuestionSchema).optional(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const ConfirmImportRequest = z.strictObject({ token: z.string().min(16).max(64) });

export const ListChangeResult = z.strictObject({
  workbook: WorkbookSummary,
  workbookReport: ImportReportSchema.nullable(),
  /** The change undone or redone, or null when there was none. */
  change: z.strictObject({ id: z.number().int(), lists: z.array(ListId), housingLists: z.array(z.enum(['cases', 'ta'])).optional(), returns: z.boolean().optional() }).nullable(),
  message: z.string(),
});
export type ListChangeResult = z.infer<typeof ListChangeResult>;

export const SetExtractDateRequest = z.strictObject({ extractDate: isoDate.nullable() });

export const SaveScenariosRequest = z.strictObject({ scenarios: z.array(z.unknown()).max(20, 'at most 20 scenarios') });

// ---------------------------------------------------------------- SSDA903 returns across the bridge

/**
 * Returns to import: files the window read (a chosen or dropped folder's files with their relative paths,
 * a zip, single CSVs), or, in the desktop app, a file dialog of the app's own: its paths never cross the
 * bridge, the backend reads what the person chose.
 */
export const Ssda903ImportRequest = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('files'),
      files: z
        .array(z.strictObject({ path: z.string().min(1).max(1000), base64: z.string().max(maxPasteCharacters) }))
        .min(1, 'give at least one file')
        .max(2000),
    }),
    z.strictObject({ kind: z.literal('choose'), what: z.enum(['folder', 'files']) }),
  ]),
});
export type Ssda903ImportRequest = z.input<typeof Ssda903ImportRequest>;

export const Ssda903Outcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replaced'), changeId: z.number().int(), message: z.string() }),
  z.strictObject({ kind: z.literal('confirm'), token: z.string().min(16).max(64), question: z.string() }),
  z.strictObject({ kind: z.literal('unchanged'), message: z.string() }),
  /** The person closed the file dialog without choosing. */
  z.strictObject({ kind: z.literal('cancelled') }),
]);
export type Ssda903Outcome = z.infer<typeof Ssda903Outcome>;

export const Ssda903ImportResponse = z.strictObject({
  workbook: WorkbookSummary,
  /** What this import read (null when nothing was chosen). */
  report: Ssda903ReportSchema.nullable(),
  outcome: Ssda903Outcome,
});
export type Ssda903ImportResponse = z.infer<typeof Ssda903ImportResponse>;

// ---------------------------------------------------------------- housing lists across the bridge

const HousingList = z.enum(['cases', 'ta']);

export const HousingDatasetSchema = z.strictObject({
  service: z.literal('housing'),
  extracts: DatasetSchema.shape.extracts,
  cases: z.array(
    z.strictObject({
      caseId: z.string().min(1).max(40),
      approachDate: isoDate,
      household: z.enum(['singleAdult', 'withChildren', 'adultsWithoutChildren', 'other']),
      children: z.number().int().min(0).nullable(),
      duty: z.enum(['prevention', 'relief', 'none']).nullable(),
      dutyStart: isoDate.nullable(),
      dutyEnd: isoDate.nullable(),
      extract: z.number().int(),
    }),
  ),
  ta: z.array(
    z.strictObject({
      caseId: z.string().min(1).max(40),
      placed: isoDate,
      left: isoDate.nullable(),
      taType: z.enum(['bedAndBreakfast', 'nightlyPaid', 'hostel', 'privateLeased', 'socialHousing', 'other']),
      outOfArea: z.boolean().nullable(),
      nightlyCost: z.number().min(0).nullable(),
      extract: z.number().int(),
    }),
  ),
});

export const HousingImportReportSchema = z.strictObject({
  cases: listCounts,
  ta: listCounts,
  issues: z.array(importIssue.extend({ list: HousingList.nullable() })),
});
export type HousingImportReportJson = z.infer<typeof HousingImportReportSchema>;

export const HousingWorkbookData = z.strictObject({
  /** The case list and the TA list as the model reads them. */
  dataset: HousingDatasetSchema,
  report: HousingImportReportSchema.nullable(),
  /** Scenario JSON as saved; the engine validates each before use. */
  scenarios: z.array(z.unknown()),
});
export type HousingWorkbookData = z.infer<typeof HousingWorkbookData>;

const housingDateColumn = { ...dateColumn, list: HousingList };
export const HousingImportRequest = z.strictObject({
  sources: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('pasted'), list: HousingList, name: z.string().min(1).max(200), text: z.string().max(maxPasteCharacters) }),
        z.strictObject({ kind: z.literal('file'), name: z.string().min(1).max(260), base64: z.string().max(maxPasteCharacters) }),
      ]),
    )
    .min(1, 'give at least one list')
    .max(50),
  extractDate: isoDate.nullable(),
  dateOrders: z.array(z.strictObject({ ...housingDateColumn, order: DateOrderSchema })).max(500).optional(),
  /** Lists the person has already seen replaced from this same grid or these same files: no need to ask again. */
  replaceWithoutAsking: z.array(HousingList).max(2).default([]),
});
export type HousingImportRequest = z.input<typeof HousingImportRequest>;

export const HousingImportOutcome = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('replaced'), changeId: z.number().int(), lists: z.array(HousingList), message: z.string() }),
  z.strictObject({
    kind: z.literal('confirm'),
    token: z.string().min(16).max(64),
    replacing: z.array(z.strictObject({ list: HousingList, inWorkbook: z.number().int().min(0), incoming: z.number().int().min(0) })).min(1),
    question: z.string(),
  }),
  z.strictObject({ kind: z.literal('unchanged'), message: z.string() }),
]);
export type HousingImportOutcome = z.infer<typeof HousingImportOutcome>;

export const HousingImportResponse = z.strictObject({
  workbook: WorkbookSummary,
  /** What this import read: every row accepted, rejected or blank, and why. */
  report: HousingImportReportSchema,
  /** The workbook's own report afterwards. */
  workbookReport: HousingImportReportSchema.nullable(),
  outcome: HousingImportOutcome,
  /** With date questions, nothing was stored: the lists wait for the person's answers. */
  dateQuestions: z.array(DateQuestionSchema.extend({ list: HousingList })).optional(),
});
export type HousingImportResponse = z.infer<typeof HousingImportResponse>;
