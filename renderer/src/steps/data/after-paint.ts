// Work that can wait a frame: rows pasted into a grid are drawn first, then imported. Handing 50,000 rows
// to the bridge (as JSON, then the request) takes the window's thread for about half a second, and the
// person should see their rows in that time, not a frozen grid.

/** Runs `work` once the next frame has been painted, or after `latestMs` if no frame comes (a hidden window). */
export function afterPaint(work: () => void, latestMs = 100): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  // The frame callback runs before the paint; a task queued from it runs after.
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, latestMs);
}
