// What the backend is busy with, for the progress bar, and the answer to "cancel". Work that takes more
// than a moment (import, open, save, export) reports its stage and, where it can count, how far it is.
// Words a person reads are made from these fields on the renderer side (describeWork below), so the
// backend sends figures, never prose to be shown as it is.
import { z } from 'zod';
import { countForPeople } from '../text/people-format.ts';

export const WorkTask = z.enum(['import', 'open', 'save', 'export']);
export type WorkTask = z.infer<typeof WorkTask>;

export const WorkProgress = z.strictObject({
  task: WorkTask,
  /** What is being done now, e.g. "Reading Referrals (List 3)" or "Writing the Excel workbook". */
  stage: z.string().min(1).max(200),
  /** How many of `total` have been done (rows, for the import; steps of an export; percent of a save). */
  done: z.number().int().min(0),
  /** null while the total is not known yet (a file being unpacked). */
  total: z.number().int().min(0).nullable(),
  unit: z.enum(['rows', 'steps', 'percent']),
  /** Milliseconds since the task began, so the window shows a bar only for work that takes a while. */
  elapsedMs: z.number().min(0),
  /** Whether cancelWork can stop it now (an import can; a file half-written cannot). */
  cancellable: z.boolean(),
  /** True once cancelWork has been asked and the task is stopping. */
  cancelling: z.boolean(),
});
export type WorkProgress = z.infer<typeof WorkProgress>;

export const ProgressState = z.strictObject({ work: WorkProgress.nullable() });
export type ProgressState = z.infer<typeof ProgressState>;

export const CancelResult = z.strictObject({
  /** False when there was nothing that could be cancelled. */
  cancelling: z.boolean(),
});
export type CancelResult = z.infer<typeof CancelResult>;

/** The message a cancelled call fails with: said to the person as it is. */
export const cancelledMessage = 'Cancelled: nothing was changed.';

/** "Reading Referrals (List 3): 60,000 of 100,000 rows", or the stage alone when there is nothing to count. */
export function describeWork(work: WorkProgress): string {
  if (work.cancelling) return `${work.stage}: stopping…`;
  if (work.unit === 'percent' && work.total !== null && work.total > 0) return `${work.stage}: ${Math.floor((100 * work.done) / work.total)}%`;
  if (work.total !== null && work.total > 0) return `${work.stage}: ${countForPeople(work.done)} of ${countForPeople(work.total)} ${work.unit === 'rows' ? 'rows' : 'steps'}`;
  if (work.done > 0 && work.unit === 'rows') return `${work.stage}: ${countForPeople(work.done)} rows`;
  return `${work.stage}…`;
}

/** Thrown by work that stopped because the person cancelled it; the bridge answers with code "cancelled". */
export class WorkCancelledError extends Error {
  constructor() {
    super(cancelledMessage);
    this.name = 'WorkCancelledError';
  }
}
