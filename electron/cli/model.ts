// `npm run model -- ...`: the headless entry point (contract: ../shared/docs/cli-contract.md).
import { runModelCommand } from './run-model-command.ts';

process.exitCode = await runModelCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
