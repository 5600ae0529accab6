// The headless command as a function of its arguments, so tests run it in-process. Exit codes follow the
// contract: 0 success, 1 the input cannot be used, 2 a usage error.
import { existsSync, statSync } from 'node:fs';
import { parseModelOptions, usage, type ModelOptions } from '../../shared/cli/model-options.ts';

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
  const missing = missingFiles(parsed.options);
  if (missing.length) {
    io.stderr(missing.map((file) => `Error: cannot read "${file}": there is no such file. Check the path and try again.\n`).join(''));
    return exitCodes.badInput;
  }
  io.stderr('Error: the projection engine is not part of this version yet, so nothing was computed and no file was written.\n');
  return exitCodes.badInput;
}
