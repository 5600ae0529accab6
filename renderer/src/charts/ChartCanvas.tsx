// A chart.js line chart on its canvas, kept in step with what it is given. The chart is updated only when
// what it draws has changed (new lines, labels or options), not whenever a render hands it new objects with
// the same figures, and it is updated in the same task as the render, before the frame that shows it:
// react-chartjs-2, used before, updated every chart after every render, in a task of its own that could
// come after a frame. Each dataset is given to chart.js as a copy (chart.js takes over the arrays it draws).
import { Chart as ChartJS, type ChartDataset, type ChartOptions } from 'chart.js';
import { useLayoutEffect, useRef } from 'react';

export type LineDataset = ChartDataset<'line', Array<number | null>>;

interface Drawn {
  labels: readonly string[];
  datasets: readonly LineDataset[];
  options: ChartOptions<'line'>;
}

const copyOf = (dataset: LineDataset): LineDataset => ({ ...dataset, data: [...dataset.data] });

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The same dataset, setting by setting and figure by figure (arrays by their items). */
function sameDataset(a: LineDataset, b: LineDataset): boolean {
  const left: Record<string, unknown> = { ...a };
  const right: Record<string, unknown> = { ...b };
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    const x = left[key];
    const y = right[key];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || !sameItems(x, y)) return false;
  }
  return true;
}

export function ChartCanvas({ labels, datasets, options }: Drawn) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<ChartJS<'line', Array<number | null>, string> | null>(null);
  const drawn = useRef<Drawn | null>(null);

  useLayoutEffect(() => {
    const created = new ChartJS(canvas.current!, { type: 'line', data: { labels: [...labels], datasets: datasets.map(copyOf) }, options: { ...options } });
    chart.current = created;
    drawn.current = { labels, datasets, options };
    return () => {
      created.destroy();
      chart.current = null;
      drawn.current = null;
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- made once; the effect below keeps it in step

  useLayoutEffect(() => {
    const current = chart.current;
    const last = drawn.current;
    if (!current || !last) return;
    let changed = false;
    if (options !== last.options) {
      current.options = { ...options };
      changed = true;
    }
    if (!sameItems(labels, last.labels)) {
      current.data.labels = [...labels];
      changed = true;
    }
    if (datasets !== last.datasets) {
      if (datasets.length !== last.datasets.length || datasets.some((d, i) => d.label !== last.datasets[i]!.label)) {
        current.data.datasets = datasets.map(copyOf);
        changed = true;
      } else {
        datasets.forEach((d, i) => {
          if (sameDataset(d, last.datasets[i]!)) return;
          // In place, as chart.js expects of a dataset that stays (its elements are kept and moved).
          Object.assign(current.data.datasets[i]!, copyOf(d));
          changed = true;
        });
      }
    }
    drawn.current = { labels, datasets, options };
    // Nothing is animated: 'none' also skips working out animations.
    if (changed) current.update('none');
  });

  return <canvas ref={canvas} role="img" height={150} width={300} aria-hidden="true" />;
}
