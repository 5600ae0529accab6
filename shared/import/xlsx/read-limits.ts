// How much of a workbook Demand Workbook will unpack and read. A real Annex A list of a million rows fits
// well inside these; a damaged or hostile file that would unpack to gigabytes is refused instead.

/** The most one part of a workbook (a sheet, the text table) may unpack to. */
export const maxPartBytes = 200 * 1024 * 1024;
/** The most a whole workbook may unpack to. */
export const maxWorkbookBytes = 400 * 1024 * 1024;
/** Excel's last row and column: nothing real lies beyond them. */
export const maxRows = 1_048_576;
export const maxColumns = 16_384;
/** More parts than any workbook a person saves holds. */
export const maxEntries = 50_000;

export const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
