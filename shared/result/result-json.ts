// The result JSON of the command-line contract (../shared/docs/cli-contract.md). Field names are part of
// a stable contract: add, never rename.
import type { Dataset } from '../dataset/types.ts';
import type { ImportReport, ListCounts } from '../import/report.ts';

export const resultSchemaVersion = 1;

function counts(c: ListCounts) {
  return { present: c.present, rowsRead: c.rowsRead, rowsAccepted: c.rowsAccepted, rowsRejected: c.rowsRejected, rowsBlank: c.rowsBlank, duplicates: c.duplicates, foundIn: c.foundIn };
}

export function buildResultJson(input: { dataset: Dataset; report: ImportReport }) {
  const latest = input.dataset.extracts.at(-1);
  return {
    schemaVersion: resultSchemaVersion,
    extractDate: latest?.extractDate ?? null,
    extractDateSource: latest?.extractDateSource ?? null,
    extracts: input.dataset.extracts,
    import: {
      referrals: counts(input.report.referrals),
      cpp: counts(input.report.cpp),
      cla: counts(input.report.cla),
      issues: input.report.issues,
    },
  };
}
