import { useId, useState } from 'react';

// The browser version cannot show a save dialog for the app's own backend, so Save as asks for a name here
// and says which folder the workbook goes to.
export function SaveAsNameForm({ initialName, folder, onSave, onCancel }: {
  initialName: string;
  folder: string;
  onSave: (fileName: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const id = useId();
  const empty = name.trim() === '';
  return (
    <form
      className="title-form save-as-form"
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!empty) onSave(name);
      }}
    >
      <h3 id={`${id}-heading`}>Save as</h3>
      <label htmlFor={id}>File name</label>
      <p className="hint" id={`${id}-where`}>
        In the browser version, workbooks go into the app data folder’s <strong>workbooks</strong> folder:{' '}
        <code className="path">{folder}</code>. A name already used there gets a number, so no workbook is replaced.
      </p>
      <div className="row">
        <input id={id} value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" aria-describedby={`${id}-where`} autoFocus maxLength={120} />
        <span aria-hidden="true" className="extension">.dwb</span>
      </div>
      {empty && <p className="hint">Give the file a name to save it.</p>}
      <div className="row-of-buttons">
        <button type="submit" className="primary" disabled={empty}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
