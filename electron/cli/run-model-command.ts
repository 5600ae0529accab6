// The headless command as a function of its arguments, so tests run it in-process. Exit codes follow the
// contract: 0 success, 1 the input cannot be used, 2 a usage error.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { parseModelOptions, usage, type ModelOptions } from '../../shared/cli/model-options.ts';
import { importLists } from '../../shared/import/import-lists.ts';
import { buildResultJson } from '../../shared/result/result-json.ts';
import { writeFileAtomically } from '../common/atomic-write.ts';
import { loadSources } from './load-sources.ts';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const exitCodes = { ok: 0, badInput: 1, usage: 2 } as const;

function missingFiles(options: ModelOptions): string[] {
  const files = [...options.inputs, options.history, options.scenario].filter((f): f is string => f !== null);
  return files.filter((file) => !existsSync(file) || !statSync(file).isFile());
}

export async function runModelCommand(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseModelOptions(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${usage}\n`);
    return exitCodes.ok;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`${parsed.messages.map((m) => `Error: ${m}`).join('\n')}\nRun "npm run model -- --help" to see every option.\n`);
    return exitCodes.usage;
  }
  const options = parsed.options;
  const missing = missingFiles(options);
  if (missing.length) {
    io.stderr(missing.map((file) => `Error: cannot read "${file}": there is no such file. Check the path and try again.\n`).join(''));
    return exitCodes.badInput;
  }
  if (options.demo || options.history !== null || options.scenario !== null || options.xlsx !== null || options.backtestFrom !== null) {
    io.stderr('Error: projections (--demo, --history, --scenario, --backtest-from, --xlsx) are not part of this version yet; only the import of --input files is. Nothing was written.\n');
    return exitCodes.badInput;
  }

  // A fresh key per run: pseudonyms are consistent within this result and mean nothing outside it.
  const { dataset, report } = importLists(loadSources(options.inputs, options.extractDate), { pseudonymKey: randomBytes(32) });
  const errors = report.issues.filter((i) => i.severity === 'error' && i.row === null);
  const accepted = report.referrals.rowsAccepted + report.cpp.rowsAccepted + report.cla.rowsAccepted;
  if (accepted === 0 && !report.referrals.present && !report.cpp.present && !report.cla.present) {
    io.stderr(`Error: no referrals (List 3), child protection (List 7) or children in care (List 8) list was found in ${options.inputs.map((f) => `"${f}"`).join(', ')}.\n`);
    for (const issue of [...errors, ...report.issues.filter((i) => i.severity === 'info' && i.file)]) io.stderr(`  ${issue.message}\n`);
    return exitCodes.badInput;
  }

  const result = buildResultJson({ dataset, report });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  if (options.json === '-') io.stdout(json);
  else if (options.json) writeFileAtomically(options.json, json);
  const summary = (['referrals', 'cpp', 'cla'] as const)
    .map((l) => `${l}: ${report[l].present ? `${report[l].rowsRead} read, ${report[l].rowsAccepted} accepted, ${report[l].rowsRejected} rejected, ${report[l].rowsBlank} blank` : 'not given'}`)
    .join('; ');
  io.stderr(`Imported ${summary}. ${report.issues.filter((i) => i.severity !== 'info').length} issues.\n`);
  return exitCodes.ok;
}
