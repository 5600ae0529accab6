import { demoImport } from './shared/synthetic/demo.ts';
import { buildHistory } from './shared/engine/history.ts';
import { estimate } from './shared/engine/estimates.ts';
import { prepareProjection, projectScenario } from './shared/engine/run-model.ts';
import { ScenarioSchema, baselineScenario } from './shared/engine/scenario.ts';
import { interventionPresets } from './shared/engine/interventions/presets.ts';
import { monthLabel } from './shared/engine/months.ts';
const { dataset } = demoImport();
const history = buildHistory(dataset, []);
const estimates = estimate(dataset, history, []);
const prepared = prepareProjection(dataset, history, estimates, 60);
const from = `${monthLabel(prepared.setup.startMonth + 3)}-01`;
const sc = ScenarioSchema.parse({ name: 'Three', interventions: interventionPresets.filter((p) => ['edge-of-care', 'family-group-conferences', 'step-down'].includes(p.id)).map((p) => p.make(from)) });
for (const [name, s] of [['plain', baselineScenario], ['three', sc]] as const) {
  let best = Infinity, bestCpu = Infinity;
  for (let i = 0; i < 5; i++) { const c = process.cpuUsage(); const t = performance.now(); projectScenario(prepared.setup, estimates, s, { draws: 1000, seed: 1 }, prepared.placementSetup); best = Math.min(best, performance.now() - t); const u = process.cpuUsage(c); bestCpu = Math.min(bestCpu, (u.user + u.system) / 1000); }
  console.log(name, best.toFixed(0), 'ms wall', bestCpu.toFixed(0), 'ms cpu');
}
