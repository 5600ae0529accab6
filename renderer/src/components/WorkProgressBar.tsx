import { useEffect, useRef, useState } from 'react';
import type { WorkbookBridge } from '../../../shared/contracts/bridge.ts';
import { describeWork, type WorkProgress } from '../../../shared/contracts/progress.ts';

/** Work shorter than this shows no bar: a flash of one would only distract. */
export const showAfterMs = 500;
const pollEveryMs = 200;

// A progress bar with words ("Reading Referrals (List 3): 60,000 of 100,000 rows") and a Cancel button
// for work the backend can stop. It asks the backend how far it is while `active` (a call is under way)
// and shows itself only once the work has run for half a second.
export function WorkProgressBar({ bridge, active }: { bridge: WorkbookBridge; active: boolean }) {
  const [work, setWork] = useState<WorkProgress | null>(null);
  const [cancelAsked, setCancelAsked] = useState(false);
  const [cancelledNote, setCancelledNote] = useState(false);
  const asked = useRef(false);

  useEffect(() => {
    if (!active) {
      setWork(null);
      // Say that the cancel took effect once the call has ended, then forget it.
      if (asked.current) setCancelledNote(true);
      asked.current = false;
      setCancelAsked(false);
      return;
    }
    setCancelledNote(false);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const state = await bridge.getProgress();
        if (!stopped) setWork(state.work);
      } catch {
        // A missed report only delays the next one.
      }
      if (!stopped) timer = setTimeout(() => void poll(), pollEveryMs);
    };
    timer = setTimeout(() => void poll(), Math.min(pollEveryMs, showAfterMs));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, bridge]);

  if (!active || !work || work.elapsedMs < showAfterMs) {
    return cancelledNote ? <p className="notice work-cancelled">Cancelled: nothing was changed.</p> : null;
  }
  const words = describeWork(work);
  const counted = work.total !== null && work.total > 0;
  return (
    <div className="work-progress" role="group" aria-label="Progress">
      <p className="work-words">{words}</p>
      <progress aria-label={words} {...(counted ? { max: work.total!, value: Math.min(work.done, work.total!) } : {})} />
      {work.cancellable && (
        <button
          type="button"
          disabled={cancelAsked || work.cancelling}
          onClick={() => {
            asked.current = true;
            setCancelAsked(true);
            void bridge.cancelWork().then(
              (answer) => {
                // Too late: the work had begun to save, and finishes as asked (the bar says so).
                if (!answer.cancelling) {
                  asked.current = false;
                  setCancelAsked(false);
                }
              },
              () => undefined,
            );
          }}
        >
          {cancelAsked || work.cancelling ? 'Stopping…' : 'Cancel'}
        </button>
      )}
    </div>
  );
}
