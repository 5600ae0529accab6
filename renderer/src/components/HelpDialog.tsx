import { useEffect, useRef } from 'react';
import type { AppInfo } from '../../../shared/contracts/schemas.ts';

export type HelpTopic = 'about' | 'where-is-my-data';

export function HelpDialog({ topic, appInfo, onClose }: { topic: HelpTopic; appInfo: AppInfo; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="help-dialog" aria-labelledby="help-heading" onClose={onClose}>
      {topic === 'about' ? (
        <>
          <h2 id="help-heading">About Demand Workbook</h2>
          <p>Version {appInfo.version}.</p>
          <p>
            Demand Workbook projects referrals, child protection plans and children looked after from the Annex A lists
            your authority already prepares, under scenarios you describe. It works entirely on this computer.
          </p>
        </>
      ) : (
        <>
          <h2 id="help-heading">Where is my data?</h2>
          <p>
            Workbooks are files you name and save where you choose. The app keeps its settings, autosave and recovery
            copies in this folder on this computer:
          </p>
          <p>
            <code className="path">{appInfo.dataFolder}</code>
          </p>
          <p>Nothing is sent over the network: the app makes no internet connections and collects no usage data.</p>
        </>
      )}
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
