// `npm test`: every check, in the order that fails fastest. Typecheck of the three parts, the renderer
// build the browser tests load, then Vitest (unit tests, the dependency-boundary check, the security
// tests and the browser end-to-end tests). Ends with the plain "N passed, N failed" line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

// Package binaries by path: their package.json exports do not expose them to require.resolve.
const bin = (pkg, file) => `node_modules/${pkg}/${file}`;
const step = (label, command, args) => {
  console.log(`\n== ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status === 0;
};

mkdirSync('test-results', { recursive: true });
const typesOk = step('Typecheck', process.execPath, ['scripts/typecheck.mjs']);
const buildOk = step('Build renderer', process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']);
const report = 'test-results/vitest.json';
step('Tests', process.execPath, [
  bin('vitest', 'vitest.mjs'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  // A test file that failed to load has no test results of its own: count it as one failure.
  const brokenFiles = (results.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  failed = results.numFailedTests + brokenFiles;
  if (!results.success && failed === 0) failed = 1;
} else {
  failed = 1;
}
// The typecheck and the build count as checks too: each is one test that passes or fails.
for (const ok of [typesOk, buildOk]) ok ? passed++ : failed++;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
