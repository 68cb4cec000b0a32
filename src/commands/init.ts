/** `cxmap init`: a new map from a template, ready to type into, with the schema comment for editors. */
import { existsSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { loadText } from '../load/index.js';
import { UsageError, slug } from '../core/index.js';
import { fromTemplate, TEMPLATES, writeFile } from '../workflows/index.js';
import { processInfo } from './ask.js';
import type { CommandContext } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  program
    .command('init')
    .summary('start a new map from a template')
    .description(
      'Write a new map from a template, with the process name, the customer and their goal filled in (asked in a terminal, else given as flags) and the schema comment that lets editors complete every key. The file is never written over.',
    )
    .argument('[file]', 'the new map (default: <process name>.cxmap.yaml)')
    .addOption(
      new Option('-t, --template <template>', 'what kind of process to start from').choices(TEMPLATES).default('blank'),
    )
    .option('--name <name>', 'the process, as the customer would say it')
    .option('--customer <customer>', 'whose experience it is')
    .option('--goal <goal>', "the customer's goal")
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap init                                  # asks for the name, customer and goal\n  $ cxmap init loan.cxmap.yaml --template application --name "Apply for a loan" --customer "Home buyer" --goal "Move in on time"',
    )
    .action(
      async (
        file: string | undefined,
        options: { template: string; name?: string; customer?: string; goal?: string },
      ) => {
        if (file && existsSync(file))
          throw new UsageError(`${file} already exists: cxmap init never writes over a file; choose another name`);
        const info = await processInfo(options);
        const path = file ?? `${slug(info.name)}.cxmap.yaml`;
        if (existsSync(path))
          throw new UsageError(
            `${path} already exists: cxmap init never writes over a file; name the new map (cxmap init other.cxmap.yaml)`,
          );
        const text = fromTemplate(options.template, info, path);
        if (!loadText(text, path).map) throw new Error(`the ${options.template} template does not make a valid map`);
        writeFile(path, text);
        context.write(
          `Wrote ${path} from the ${options.template} template. See it live while you type: cxmap serve ${path}\n`,
        );
        context.exitCode = 0;
      },
    );
}
