// The generated-authority reference check as a report, and how the duration pooling was chosen:
//   npx tsx scripts/reference-check.ts [--pooling 0,10,20,40]
// For each shape: the projection's error at 12 and 24 months and the share of months inside the likely range.
import { durationTuning } from '../shared/engine/children/estimate-flows.ts';
import { referenceRun, referenceShapes } from '../tests/support/reference-authorities.ts';

const arg = process.argv.indexOf('--pooling');
const poolings = arg > 0 ? process.argv[arg + 1]!.split(',').map(Number) : [null];
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
for (const minEvents of poolings) {
  if (minEvents !== null) durationTuning.minEventsPerBand = { cpp: minEvents, cla: minEvents };
  const errors = { cppOpen: [] as number[], claOpen: [] as number[] };
  let inside = 0;
  let total = 0;
  let absErr = 0;
  let n = 0;
  console.log(`pooling bands to at least ${JSON.stringify(durationTuning.minEventsPerBand)} exits`);
  for (const shape of referenceShapes) {
    const r = referenceRun(shape, 200);
    const b = r.run.baseline;
    const parts: string[] = [];
    for (const s of ['cppOpen', 'claOpen'] as const) {
      for (const at of [11, 23]) {
        const e = (b.series[s][at]! - r.truth[s][at]!) / r.truth[s][at]!;
        parts.push(`${s}@${at + 1} ${pct(e)}`);
        absErr += Math.abs(e);
        errors[s].push(Math.abs(e));
        n++;
      }
      const band = b.bands![s];
      r.truth[s].forEach((v, t) => {
        total++;
        if (v >= band.p10[t]! && v <= band.p90[t]!) inside++;
      });
    }
    const sum = (a: ArrayLike<number>, from: number, to: number) => Array.from(a).slice(from, to).reduce((x, y) => x + y, 0);
    parts.push(`referrals y1 ${pct(sum(b.series.referrals, 0, 12) / sum(r.truth.referrals, 0, 12) - 1)} y2 ${pct(sum(b.series.referrals, 12, 24) / sum(r.truth.referrals, 12, 24) - 1)}`);
    console.log(`  ${shape.name}: ${parts.join(', ')}`);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  console.log(`  mean absolute error at 12 and 24 months: plans ${pct(mean(errors.cppOpen))}, care ${pct(mean(errors.claOpen))}, both ${pct(absErr / n)}; inside the likely range ${pct(inside / total)}`);
}
