import type { WorkbookSummary } from '../../../shared/contracts/schemas.ts';

// Why the open workbook cannot be changed, or what happened as it was opened (a workbook that could not be
// reopened, a stale lock taken over): at the top of every step, where it is seen before any edit fails.
export function WorkbookNotices({ workbook }: { workbook: WorkbookSummary }) {
  if (!workbook.readOnlyReason && !workbook.notice) return null;
  return (
    <div className="workbook-notices">
      {workbook.readOnlyReason && (
        <p className="notice read-only" role="status">
          <strong>Read-only.</strong> {workbook.readOnlyReason}
        </p>
      )}
      {workbook.notice && (
        <p className="notice" role="status">
          {workbook.notice}
        </p>
      )}
    </div>
  );
}
