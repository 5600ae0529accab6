import { useEffect, useRef } from 'react';
import type { WorkbookService } from '../../../shared/contracts/schemas.ts';

// Asked when a new workbook starts: a workbook forecasts one service, read from that service's lists.
export function ServiceChoiceDialog({ onChoose, onClose }: { onChoose: (service: WorkbookService) => void; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const choose = (service: WorkbookService) => {
    ref.current?.close();
    onChoose(service);
  };
  return (
    <dialog ref={ref} className="help-dialog service-choice" aria-labelledby="service-heading" onClose={onClose}>
      <h2 id="service-heading">Which service is this workbook for?</h2>
      <p>A workbook forecasts one service from the lists that service keeps. You cannot change it later; start another workbook for the other service.</p>
      <div className="service-options">
        <button type="button" autoFocus onClick={() => choose('children')}>
          <strong>Children’s services</strong>
          <span>Referrals, child protection plans and children in care, from the Annex A lists (and SSDA903 returns).</span>
        </button>
        <button type="button" onClick={() => choose('housing')}>
          <strong>Housing: homelessness and temporary accommodation</strong>
          <span>Approaches, duties owed and households in temporary accommodation, from your case list and TA list.</span>
        </button>
      </div>
      <form method="dialog">
        <button type="submit">Cancel</button>
      </form>
    </dialog>
  );
}
