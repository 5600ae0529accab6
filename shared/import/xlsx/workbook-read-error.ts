// Why a workbook (or one of its sheets) could not be read, in words for the person importing it. The
// technical cause is kept apart for tests and logs; it is never shown.

export type UnreadableReason = 'damaged' | 'incomplete' | 'too-large' | 'not-a-workbook' | 'password' | 'unreadable';

export class WorkbookReadError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
    /** The technical cause, for tests and logs only. */
    readonly detail: string,
    /** The sheet concerned, when only that sheet could not be read. */
    readonly sheet: string | null = null,
  ) {
    super(message);
    this.name = 'WorkbookReadError';
  }
}

/** A fault found inside the archive or its parts; the reader turns it into a WorkbookReadError naming the file. */
export class ArchiveFault extends Error {
  constructor(
    readonly reason: UnreadableReason,
    readonly detail: string,
    readonly part: string | null = null,
  ) {
    super(detail);
    this.name = 'ArchiveFault';
  }
}

const quoted = (name: string) => `"${name}"`;

/** The sentence a person reads when a whole file cannot be read. */
export function unreadableFileMessage(file: string, reason: UnreadableReason): string {
  const f = quoted(file);
  switch (reason) {
    case 'damaged':
      return `${f} is damaged: its contents do not match what was saved, so nothing was read from it. Open it in Excel (which may offer to repair it) and save it again, or use an undamaged copy, then import again.`;
    case 'incomplete':
      return `${f} is incomplete: the file ends early, as after an interrupted copy or download, so nothing was read from it. Copy or download it again, then import again.`;
    case 'password':
      return `${f} is protected with a password, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook), save it, then import again.`;
    case 'too-large':
      return `${f} unpacks to more than Demand Workbook reads from one file, so nothing was read from it. Copy the lists you need into a new workbook and import that.`;
    case 'unreadable':
      return `${f} could not be read: it may be damaged, or saved in a form Demand Workbook does not know. Open it in Excel and save it as an Excel workbook (.xlsx), then import again.`;
    case 'not-a-workbook':
      return `${f} is not a workbook Demand Workbook can read. Open it in Excel and save it as an Excel workbook (.xlsx), then import again.`;
  }
}

/** The sentence a person reads when one sheet is too large to read. */
export function sheetTooLargeMessage(file: string, sheet: string, limit: string): string {
  return `Sheet "${sheet}" of "${file}" is too large to read: opened, it would take more than ${limit}, so it was not read. If it holds a list, copy the list alone into a new workbook and import that.`;
}
