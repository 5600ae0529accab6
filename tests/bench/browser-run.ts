// `npx tsx tests/bench/browser-run.ts`: the browser part of `npm run bench` alone (it needs a renderer
// build; `npx vite build --logLevel warn` first after a change).
import { browserBenchmarks } from './browser-bench.ts';

const results: Array<{ name: string; ms: number; target: number }> = [];
await browserBenchmarks((name, ms, target) => results.push({ name, ms, target }));
for (const r of results) console.log(`${(r.ms < 10 ? r.ms.toFixed(2) : r.ms.toFixed(0)).padStart(7)} ms  ${r.name}  (target under ${r.target} ms: ${r.ms <= r.target ? 'met' : 'MISSED'})`);
