// Backtests on published series: for every April from which the history allows it, fit on the years before,
// project to the last published year, and compare with what was published, against carrying the last
// published value forward. Run: npm run backtest:public [-- FILE.csv ...] (default: every CSV in data/public).
// The figures and their sources are in data/public/README.md.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAggregateHistory } from '../shared/engine/children/aggregate-history.ts';
import { aggregateTuning } from '../shared/engine/children/aggregate-rates.ts';
import { publicBacktest } from '../shared/engine/children/public-backtest.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const grid = args.includes('--grid');
const files = args.filter((a) => !a.startsWith('--'));
const chosen = files.length ? files : readdirSync(path.join(root, 'data/public')).filter((f) => f.endsWith('.csv')).map((f) => path.join(root, 'data/public', f));
const pct = (v: number | null) => (v === null ? '  n/a' : `${(v * 100).toFixed(1).padStart(4)}%`);

for (const file of chosen) {
  const parsed = parseAggregateHistory(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(parsed.messages.join('\n'));
  if (grid) {
    // How the tuning was chosen: every combination, the error over all origins.
    for (const levelMonths of [12, 24, 36]) {
      for (const recentMonths of [12, 24, 36, 60]) {
        Object.assign(aggregateTuning, { levelMonths, recentMonths });
        const r = publicBacktest(parsed.periods);
        console.log(`level over ${levelMonths} months, rates over ${recentMonths} months: model ${pct(r.model)}, carrying forward ${pct(r.naive)}`);
      }
    }
    continue;
  }
  const r = publicBacktest(parsed.periods);
  console.log(`${path.basename(file)}: referrals, children on plans and children in care, mean absolute percentage error over every year after each starting April`);
  for (const o of r.origins) {
    console.log(`  from ${o.from}: ${String(o.comparisons).padStart(2)} comparisons, model ${pct(o.model)}, carrying forward ${pct(o.naive)}${o.complete ? '' : '  (the year before lacks some figures)'}`);
  }
  console.log(`  all origins: model ${pct(r.model)}, carrying forward ${pct(r.naive)}; the model is closer in ${r.modelWins} of ${r.origins.length} origins.`);
  console.log(`  origins whose year before gives every figure (${r.complete.origins}): model ${pct(r.complete.model)}, carrying forward ${pct(r.complete.naive)}.`);
  for (const s of ['referrals', 'cppOpen', 'claOpen'] as const) console.log(`  ${s}: model ${pct(r.bySeries[s].model)}, carrying forward ${pct(r.bySeries[s].naive)}`);
}
