/** `cxmap fmt`: maps in the canonical key order and style, every comment kept; `--check` for CI. */
import type { Command } from 'commander';
import { readMap, parseYaml } from '../load/index.js';
import { formatMap } from '../model/index.js';
import { discoverMaps, expandInputs, writeAtomic } from '../workflows/index.js';
import type { CommandContext } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  program
    .command('fmt')
    .summary('put maps in the canonical key order and style, keeping every comment')
    .description(
      'Rewrite maps in the canonical form: keys in the order of the format, two-space indentation, a blank line between sections and between steps, every comment kept. Each file is written atomically; a file whose YAML does not parse is never touched. With --check, nothing is written: the files that would change are listed and the exit code is 1. With no files, every map below the current folder.',
    )
    .argument('[files...]', 'map files, folders or globs (default: every map below the current folder)')
    .option('--check', 'write nothing; exit 1 when a file is not in the canonical form')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap fmt loan.cxmap.yaml\n  $ cxmap fmt --check            # in CI: every map below here\n  $ cxmap fmt - < loan.cxmap.yaml # from an editor: standard input to standard output',
    )
    .action(async (files: string[], options: { check?: boolean }) => {
      const paths = files.length ? await expandInputs(files) : await discoverMaps(process.cwd());
      let failed = false;
      for (const path of paths) {
        const read = readMap(path);
        if ('finding' in read) {
          process.stderr.write(`cxmap: ${path} was not formatted: ${read.finding.message}\n`);
          failed = true;
          continue;
        }
        const formatted = formatMap(read.text);
        if (formatted === undefined) {
          const first = parseYaml(read.text).findings.find((f) => f.severity === 'error')!;
          process.stderr.write(
            `cxmap: ${path} was not formatted: its YAML does not parse (${first.line}:${first.column} ${first.message})\n`,
          );
          failed = true;
        } else if (path === '-') {
          // Standard input goes out formatted on standard output, for editors.
          if (options.check) failed ||= formatted !== read.text;
          else context.write(formatted);
        } else if (formatted !== read.text) {
          if (options.check) failed = true;
          else writeAtomic(path, formatted);
          context.write(`${path}\n`);
        }
      }
      context.exitCode = failed ? 1 : 0;
    });
}
