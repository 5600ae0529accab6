// Scenarios projected in the engine worker as they change: the expected paths at once, the likely ranges
// when they are worked out. An answer to settings that have since changed is dropped; the last figures stay
// on screen until the next arrive. Children's services and housing both project this way.
import { useEffect } from 'react';

export function useLatestProjection<P>(
  /** False while there is nothing to project, or a setting is to be put right first. */
  ready: boolean,
  project: (onComplete: (full: P) => void) => Promise<P | null>,
  onProjection: (projection: P) => void,
  onProblem: (message: string | null) => void,
  deps: readonly unknown[],
): void {
  useEffect(() => {
    if (!ready) return;
    let cancelled = false;
    project((full) => !cancelled && onProjection(full)).then(
      (answer) => {
        if (answer && !cancelled) {
          onProjection(answer);
          onProblem(null);
        }
      },
      (err: unknown) => !cancelled && onProblem(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [ready, ...deps]); // eslint-disable-line react-hooks/exhaustive-deps
}
