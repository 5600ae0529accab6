// The answers the command gives before it loads the model: help and usage errors. Kept apart from the
// engine so that `npm run model -- --help` (and a typo) answer at once, without loading the engine,
// the import or the Excel writer.
import { usage, type ModelOptions, type ParseOutcome } from '../../shared/cli/model-options.ts';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const exitCodes = { ok: 0, badInput: 1, usage: 2 } as const;

/** The options to run the model with; or, when the arguments ask for help or are wrong, the answer's exit code. */
export function optionsOrExitCode(parsed: ParseOutcome, io: CommandIO): ModelOptions | number {
  if (parsed.kind === 'help') {
    io.stdout(`${usage}\n`);
    return exitCodes.ok;
  }
  if (parsed.kind === 'usage-error') {
    io.stderr(`${parsed.messages.map((m) => `Error: ${m}`).join('\n')}\nRun "npm run model -- --help" to see every option.\n`);
    return exitCodes.usage;
  }
  return parsed.options;
}
