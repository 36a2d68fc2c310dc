// The `holdout` command line: datasets and browser mode now, backtests, tuning and export as they arrive.
// Exit codes: 0 success, 1 user error (message on stderr), 2 internal error.
import { Command, CommanderError } from 'commander';
import { registerBacktestCommand } from './commands/backtestCommand';
import { registerDataCommands } from './commands/dataCommands';
import { registerServeCommand, serve } from './commands/serveCommand';
import { registerTuneCommands } from './commands/tuneCommands';
import { registerWalkForwardCommand } from './commands/walkForwardCommand';
import { registerStudyManagementCommands } from './commands/studyManagementCommands';
import { registerBackupCommands } from './commands/backupCommands';
import { registerAnalyzeCommand } from './commands/analyzeCommand';
import { registerExportCommands } from './commands/exportCommands';
import { EXIT_INTERNAL_ERROR, EXIT_OK, EXIT_USER_ERROR, reportError } from './exitCodes';
import { cliRuntime } from './runtime';

export async function main(argv: string[]): Promise<number> {
  const runtime = cliRuntime();
  const program = new Command()
    .name('holdout')
    .description('Holdout: Bayesian strategy tuning with overfitting statistics, offline.')
    .version(runtime.version)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerDataCommands(program, runtime);
  registerServeCommand(program, runtime);
  registerBacktestCommand(program, runtime);
  registerTuneCommands(program, runtime);
  registerWalkForwardCommand(program, runtime);
  registerStudyManagementCommands(program, runtime);
  registerBackupCommands(program, runtime);
  registerAnalyzeCommand(program, runtime);
  registerExportCommands(program, runtime);
  for (const cmd of program.commands) {
    cmd.exitOverride();
    for (const sub of cmd.commands) sub.exitOverride();
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with exit code 0; usage mistakes are user errors.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USER_ERROR;
    }
    return reportError(err);
  }
}

/** `npm start` without Electron: browser mode, saying why. */
export async function startBrowserFallback(reason: string): Promise<number> {
  try {
    await serve(cliRuntime(), { banner: reason });
    return EXIT_OK;
  } catch (err) {
    return reportError(err);
  }
}

export { EXIT_INTERNAL_ERROR };
