/** `cxmap init`: a new map from a template, ready to type into, with the schema comment for editors. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { parseDocument } from 'yaml';
import { loadText } from '../load/index.js';
import { UsageError, slug } from '../core/index.js';
import { formatMap } from '../model/index.js';
import { processInfo } from './ask.js';
import { writeAtomic } from './output.js';
import type { CommandContext } from './shared.js';

export const TEMPLATES = ['blank', 'service-request', 'application', 'claim', 'support-case'] as const;
// Shipped with the package; the paths hold from src/commands and from dist/commands.
const TEMPLATE_DIR = new URL('../../examples/templates/', import.meta.url);
const SCHEMA = fileURLToPath(new URL('../../schemas/cxmap.schema.json', import.meta.url));

/** The comment that lets editors (the YAML language server) check and complete a map written to `file`. */
export function schemaComment(file: string): string {
  return ` yaml-language-server: $schema=${relative(dirname(resolve(file)), SCHEMA)
    .split('\\')
    .join('/')}`;
}

/** The template with the process filled in and the schema comment pointing at this installation's schema from `file`. */
export function fromTemplate(
  template: string,
  info: { name: string; customer: string; goal: string },
  file: string,
): string {
  const doc = parseDocument(readFileSync(new URL(`${template}.cxmap.yaml`, TEMPLATE_DIR), 'utf8'));
  for (const key of ['name', 'customer', 'goal'] as const) doc.setIn(['process', key], info[key]);
  doc.commentBefore = (doc.commentBefore ?? '').replace(/^ yaml-language-server: \$schema=\S+/, schemaComment(file));
  return formatMap(doc.toString())!;
}

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
        writeAtomic(path, text);
        context.write(
          `Wrote ${path} from the ${options.template} template. See it live while you type: cxmap serve ${path}\n`,
        );
        context.exitCode = 0;
      },
    );
}
