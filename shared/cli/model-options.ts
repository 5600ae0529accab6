// Options of the headless command, as ../shared/docs/cli-contract.md defines them. Parsing is pure so the
// same rules can be tested without a process, and every mistake gets a sentence that says what to do.

export interface ModelOptions {
  inputs: string[];
  /** SSDA903 returns: folders, zips or CSV files. */
  ssda903: string[];
  history: string | null;
  extractDate: string | null; // YYYY-MM-DD
  scenario: string | null;
  horizonMonths: number;
  backtestFrom: string | null; // YYYY-MM
  /** Rolling-origin backtests from every usable month: error by horizon and how often the likely range held. */
  calibrate: boolean;
  demo: boolean;
  json: string | null; // '-' = stdout
  xlsx: string | null;
  /** How text dates such as 04/01/2024 are written in the inputs; null: decided per column from its values. */
  dateOrder: 'dmy' | 'mdy' | null;
}

export type ParseOutcome = { kind: 'run'; options: ModelOptions } | { kind: 'help' } | { kind: 'usage-error'; messages: string[] };

export const defaultHorizonMonths = 24;
export const maxHorizonMonths = 120;

export const usage = `Usage: npm run model -- [options]

Project children's social care demand from Annex A lists, or homelessness approaches and temporary
accommodation from a housing case list and TA list, without the desktop window.

Data (at least one of these):
  --input PATH             An Annex A workbook (.xlsx, .xls, .ods) or a .csv/.tsv list. Repeat for
                           several files or extracts. Or the housing lists: a case list and a TA list
                           (two .csv files, or one workbook with both sheets); one service per run.
  --history PATH           Aggregate history CSV, for periods the lists do not cover.
  --ssda903 PATH           SSDA903 returns: a folder with one subfolder a year, a zip of it, or CSV
                           files. Repeatable; may be combined with --input.
  --demo                   Use the built-in synthetic demo authority instead of --input.

Model:
  --extract-date DATE      When the lists were extracted (YYYY-MM-DD). Default: inferred from the data.
  --date-order dmy|mdy     How text dates such as 04/01/2024 are written: dmy day first (UK), mdy month
                           first (US). Default: decided for each column from its dates, and said so.
  --scenario PATH          Scenario JSON. Without it only the baseline is projected.
  --horizon N              Months to project after the last observed month (1 to ${maxHorizonMonths}, default ${defaultHorizonMonths}).
  --backtest-from MONTH    Fit only on data before MONTH (YYYY-MM), project from it and compare.
  --calibrate              Backtest from every usable month: how far out the model was 1 to 24
                           months ahead, and how often the outcome fell inside the likely range.

Output:
  --json PATH              Write the result JSON (use - for the screen).
  --xlsx PATH              Write the Excel export.
  --help                   Show this help.

Exit status: 0 success, 1 the input cannot be used, 2 a mistake in the options.
Example: npm run model -- --demo --xlsx results.xlsx`;

const valueOptions = ['--input', '--ssda903', '--history', '--extract-date', '--date-order', '--scenario', '--horizon', '--backtest-from', '--json', '--xlsx'] as const;
const flagOptions = ['--demo', '--calibrate', '--help', '-h'] as const;

function isRealDate(iso: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseModelOptions(argv: readonly string[]): ParseOutcome {
  const messages: string[] = [];
  const options: ModelOptions = {
    inputs: [],
    ssda903: [],
    history: null,
    extractDate: null,
    scenario: null,
    horizonMonths: defaultHorizonMonths,
    backtestFrom: null,
    calibrate: false,
    demo: false,
    json: null,
    xlsx: null,
    dateOrder: null,
  };
  const seen = new Set<string>();

  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(0, eq) : raw;
    if ((flagOptions as readonly string[]).includes(name)) {
      if (eq > 0) messages.push(`${name} takes no value.`);
      if (name === '--help' || name === '-h') return { kind: 'help' };
      if (name === '--calibrate') options.calibrate = true;
      else options.demo = true;
      continue;
    }
    if (!(valueOptions as readonly string[]).includes(name)) {
      messages.push(raw.startsWith('-') ? `Unknown option ${raw}. See --help for the list.` : `Unexpected "${raw}": every value follows its option, for example --input ${raw}.`);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = raw.slice(eq + 1);
    else if (i + 1 < argv.length && !(argv[i + 1]!.startsWith('--') && argv[i + 1] !== '-')) value = argv[++i];
    if (value === undefined || value === '') {
      messages.push(`${name} needs a value.`);
      continue;
    }
    if (name !== '--input' && name !== '--ssda903' && seen.has(name)) {
      messages.push(`${name} is given more than once; give it once.`);
      continue;
    }
    seen.add(name);
    switch (name) {
      case '--input':
        options.inputs.push(value);
        break;
      case '--ssda903':
        options.ssda903.push(value);
        break;
      case '--history':
        options.history = value;
        break;
      case '--scenario':
        options.scenario = value;
        break;
      case '--json':
        options.json = value;
        break;
      case '--xlsx':
        if (value === '-') messages.push('--xlsx needs a file name: an Excel file cannot be written to the screen.');
        else options.xlsx = value;
        break;
      case '--extract-date':
        if (isRealDate(value)) options.extractDate = value;
        else messages.push(`--extract-date must be a real date written YYYY-MM-DD, for example 2024-09-30 (got "${value}").`);
        break;
      case '--date-order':
        if (value === 'dmy' || value === 'mdy') options.dateOrder = value;
        else messages.push(`--date-order must be dmy (day first, 30/09/2024) or mdy (month first, 09/30/2024) (got "${value}").`);
        break;
      case '--backtest-from':
        if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) options.backtestFrom = value;
        else messages.push(`--backtest-from must be a month written YYYY-MM, for example 2023-04 (got "${value}").`);
        break;
      case '--horizon': {
        const n = /^\d+$/.test(value) ? Number(value) : NaN;
        if (Number.isInteger(n) && n >= 1 && n <= maxHorizonMonths) options.horizonMonths = n;
        else messages.push(`--horizon must be a whole number of months from 1 to ${maxHorizonMonths} (got "${value}").`);
        break;
      }
    }
  }

  if (options.demo && options.inputs.length > 0) messages.push('--demo replaces --input: give one or the other.');
  if (options.demo && options.ssda903.length > 0) messages.push('--demo replaces --ssda903: give one or the other.');
  if (!options.demo && options.inputs.length === 0 && options.ssda903.length === 0 && options.history === null) {
    messages.push('Say which data to use: --input with your Annex A file, --ssda903 with your SSDA903 returns, --history with an aggregate CSV, or --demo.');
  }
  return messages.length ? { kind: 'usage-error', messages } : { kind: 'run', options };
}
