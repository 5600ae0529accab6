import { columnToName, type ImportIssue } from '../../../../shared/import/report.ts';
import { countForPeople } from '../../../../shared/text/people-format.ts';

/** How many issues are listed; the rest are counted ("and 2,175 more"). */
export const listedIssues = 200;

/** Rows with at least one issue: a row with three problems is one row that needs a look. */
export function rowsNeedingALook(issues: readonly ImportIssue<string>[]): number {
  return new Set(issues.filter((i) => i.row !== null).map((i) => `${i.file}\u0000${i.sheet ?? ''}\u0000${i.row}`)).size;
}

function summaryOf(issues: readonly ImportIssue<string>[]): string {
  const rows = rowsNeedingALook(issues);
  if (rows === 0) return `${countForPeople(issues.length)} ${issues.length === 1 ? 'issue' : 'issues'} to look at`;
  const head = `${countForPeople(rows)} ${rows === 1 ? 'row needs' : 'rows need'} a look`;
  return rows === issues.length ? head : `${head} (${countForPeople(issues.length)} issues)`;
}

/** Where an issue was found, before its message: "Sheet, row 12, Date of referral: " (the column once, see columnToName). */
function placeOf(issue: ImportIssue<string>, withFile: boolean): string {
  const parts = [withFile ? issue.file : issue.sheet, issue.row !== null ? `row ${issue.row}` : null, columnToName(issue)].filter(Boolean);
  return parts.length ? `${parts.join(', ')}: ` : '';
}

// The issues of one list: counted by row, the first 200 listed with a button to show each in the grid.
// `withFile`: each issue names its file first (returns come in many files, one a table and a year).
export function ListIssues<I extends ImportIssue<string>>({ issues, onShow, withFile = false }: { issues: readonly I[]; onShow: ((issue: I) => void) | null; withFile?: boolean }) {
  if (issues.length === 0) return null;
  return (
    <details className="issues" open={issues.length <= 5}>
      <summary>{summaryOf(issues)}</summary>
      <ul>
        {issues.slice(0, listedIssues).map((issue, k) => (
          <li key={k} className={issue.severity}>
            {issue.row !== null && onShow && (
              <button type="button" onClick={() => onShow(issue)}>
                Show row {issue.row}
              </button>
            )}{' '}
            {issue.severity === 'error' ? 'Rejected' : 'Kept'}:{' '}
            {placeOf(issue, withFile)}
            {issue.message}
          </li>
        ))}
        {issues.length > listedIssues && <li className="more">and {countForPeople(issues.length - listedIssues)} more</li>}
      </ul>
    </details>
  );
}
