// `npm run model -- ...`: the headless entry point (contract: ../shared/docs/cli-contract.md). Help and
// usage errors are answered before the model is loaded; the bundle (`npm run build`) keeps the model in
// a chunk of its own, so `--help` starts at once.
import { parseModelOptions } from '../../shared/cli/model-options.ts';
import { optionsOrExitCode, type CommandIO } from './answer-without-running.ts';

const io: CommandIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
const argv = process.argv.slice(2);
const options = optionsOrExitCode(parseModelOptions(argv), io);
if (typeof options === 'number') {
  process.exitCode = options;
} else {
  const { runModelCommand } = await import('./run-model-command.ts');
  process.exitCode = await runModelCommand(argv, io);
}
