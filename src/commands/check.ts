/** `cxmap check`: validation and policies for CI, in the formats CI tools read, with a regression gate. */
import { Option, type Command } from 'commander';
import { UsageError } from '../core/index.js';
import { FORMATTERS, count, type FileResult, type FormatName } from '../formatters/index.js';
import {
  changedSince,
  checkInParallel,
  discoverMaps,
  expandInputs,
  Outputs,
  progress,
  planCheck,
  type CheckJob,
} from '../workflows/index.js';
import { addRunOptions, runFrom, type CommandContext, type RunOptions } from './shared.js';

interface CheckOptions extends RunOptions {
  format: string[];
  output: string[];
  maxWarnings?: number;
  quiet?: boolean;
  against?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

const nonNegative = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number from 0, not ${value}`);
  return n;
};

export function register(program: Command, context: CommandContext): void {
  addRunOptions(program.command('check'), { simulates: false })
    .summary('check maps for CI: validation, policies, a regression gate')
    .description(
      'Check maps against the format and the policies of cxmap.config.yaml (found from the current folder upward; without one, the recommended preset), in one pass. A portfolio file (cxmap.portfolio.yaml) is checked with every map it lists and the portfolio rules, which look at its journeys together. With no files, every *.cxmap.yaml and *.cxmap.yml below the current folder, and every cxmap.portfolio.yaml, that .gitignore does not ignore. Exit 0 clean or warnings only, 1 errors (or more warnings than --max-warnings), 2 bad usage, bad configuration or an internal error. See docs/ci.md.',
    )
    .argument(
      '[files...]',
      'map or portfolio files, folders or globs (default: every map and portfolio below the current folder)',
    )
    .addOption(
      new Option('-f, --format <format>', `output format, repeatable: ${Object.keys(FORMATTERS).join(', ')}`)
        .argParser(collect)
        .default([]),
    )
    .addOption(
      new Option(
        '-o, --output <file>',
        'file for the format at the same position (repeatable); without it, standard output',
      )
        .argParser(collect)
        .default([]),
    )
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', nonNegative)
    .option('--quiet', 'report errors only')
    .option(
      '--against <ref>',
      'compare every changed map with its version at this git ref, and each portfolio with itself and its maps there, and report what got worse for the customer',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap check\n  $ cxmap check "maps/**/*.cxmap.yaml" --max-warnings 0\n  $ cxmap check --against origin/main -f github -f sarif -o cxmap.sarif\n  $ cxmap check -f junit -o reports/cxmap.xml -f markdown -o summary.md\n  $ cxmap check journeys/cxmap.portfolio.yaml --against origin/main',
    )
    .action(async (files: string[], options: CheckOptions) => {
      const formats = options.format.length ? options.format : ['stylish'];
      const unknown = formats.find((f) => !(f in FORMATTERS));
      if (unknown)
        throw new UsageError(`there is no format called ${unknown}: choose from ${Object.keys(FORMATTERS).join(', ')}`);
      if (options.output.length > formats.length)
        throw new UsageError(
          `${options.output.length} --output files for ${formats.length} --format: give one --format for each --output`,
        );
      if (formats.length - options.output.length > 1)
        throw new UsageError(
          'only one format can go to standard output: give the others an --output file each (-f sarif -o cxmap.sarif)',
        );
      const cwd = process.cwd();
      const run = runFrom(options);
      const found = files.length
        ? await expandInputs(files, { portfolios: true })
        : await discoverMaps(cwd, { portfolios: true });
      const { paths, inputs } = planCheck(found);
      if (paths.length === 0)
        throw new UsageError('no maps to check: there is no *.cxmap.yaml below this folder; name the files to check');
      const outputs = new Outputs(inputs);
      const targets = options.output.map((o, i) => outputs.plan(o, `the ${formats[i]} output`));
      const job: CheckJob = {
        run,
        cwd,
        quiet: options.quiet === true,
        against:
          options.against === undefined
            ? undefined
            : { ref: options.against, changed: changedSince(options.against, cwd) },
      };
      const bar = progress(paths.length, 'maps');
      const { files: checked } = await checkInParallel(paths, job, () => bar.tick());
      bar.done();
      const results: FileResult[] = checked.map((c) => ({
        file: c.file,
        findings: c.findings,
        source: c.lines && { lineText: (n: number) => c.lines![n - 1] ?? '' },
        ...(c.kind ? { kind: c.kind } : {}),
      }));
      formats.forEach((format, i) => {
        const text = FORMATTERS[format as FormatName](results, {
          colorLevel: targets[i] ? 0 : context.colorLevel,
          version: context.version,
        });
        if (targets[i]) outputs.write(targets[i], text);
        else context.write(text);
      });
      const { errors, warnings } = count(results);
      const tooMany = options.maxWarnings !== undefined && warnings > options.maxWarnings;
      if (tooMany)
        process.stderr.write(`cxmap: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
      context.exitCode = errors > 0 || tooMany ? 1 : 0;
    });
}
