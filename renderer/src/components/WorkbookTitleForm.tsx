import { useEffect, useId, useState } from 'react';
import type { WorkbookSummary } from '../../../shared/contracts/schemas.ts';

export function WorkbookTitleForm({ workbook, onRename }: { workbook: WorkbookSummary; onRename: (title: string) => void }) {
  const [draft, setDraft] = useState(workbook.title);
  const id = useId();
  useEffect(() => setDraft(workbook.title), [workbook.title]);
  return (
    <form
      className="title-form"
      onSubmit={(event) => {
        event.preventDefault();
        onRename(draft);
      }}
    >
      <label htmlFor={id}>Workbook name</label>
      {draft.trim() === '' && <p className="hint">Give the workbook a name to rename it.</p>}
      <div className="row">
        <input id={id} value={draft} onChange={(event) => setDraft(event.target.value)} autoComplete="off" />
        <button type="submit" disabled={draft === workbook.title || draft.trim() === ''}>
          Rename
        </button>
      </div>
    </form>
  );
}
