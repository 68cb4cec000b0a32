/** `cxmap fmt`: maps in the canonical key order and style, every comment kept; `--check` for CI. */
import type { Command } from 'commander';
import { UsageError } from '../core/index.js';
import { readMap } from '../load/index.js';
import { canonical } from '../model/index.js';
import { discoverMaps, expandInputs, inLayout, writeFile } from '../workflows/index.js';
import type { CommandContext } from './shared.js';

export function register(program: Command, context: CommandContext): void {
  program
    .command('fmt')
    .summary('put maps in the canonical key order and style, keeping every comment')
    .description(
      'Rewrite maps in the canonical form: keys in the order of the format, two-space indentation, a blank line between sections and between steps, every comment kept. Each file is written atomically, and only once its new text has been read back to the same data, tags and comments; a file whose YAML does not parse, or that would not read back the same, is never touched (the reason is given, exit 1). With --check, nothing is written: the files that fmt would change are listed and the exit code is 1. With no files, every map below the current folder.',
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
        try {
          failed = formatOne(path, options.check === true, context) || failed;
        } catch (error) {
          // One file that cannot be read or written does not stop the others.
          if (!(error instanceof UsageError)) throw error;
          process.stderr.write(`cxmap: ${path} was not formatted: ${error.message.replace(/^cannot \w+ \S+: /, '')}\n`);
          failed = true;
        }
      }
      context.exitCode = failed ? 1 : 0;
    });
}

/** Formats one map in place (or checks it); true when it failed or, with --check, is not formatted. */
function formatOne(path: string, check: boolean, context: CommandContext): boolean {
  const read = readMap(path);
  if ('finding' in read) {
    process.stderr.write(`cxmap: ${path} was not formatted: ${read.finding.message}\n`);
    return true;
  }
  const result = canonical(read.text);
  if ('reason' in result) {
    process.stderr.write(`cxmap: ${path} was not formatted: ${result.reason}\n`);
    return true;
  }
  if (path === '-') {
    // Standard input goes out formatted on standard output, for editors.
    if (check) return result.changed;
    context.write(inLayout(result.text, read.layout));
    return false;
  }
  // The text is written back with the file's own line breaks and byte-order mark, which are not compared: --check
  // says a file would change exactly when fmt would write other bytes.
  if (!result.changed) return false;
  if (!check) writeFile(path, result.text, read.layout);
  context.write(`${path}\n`);
  return check;
}
