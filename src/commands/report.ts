/** `cxmap report`: the workshop report of each map, as Markdown, one self-contained HTML file, or JSON. */
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { loadFile, type LoadedMap } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { opportunities } from '../rules/index.js';
import { viewDiagrams } from '../render/index.js';
import { REPORT_VIEWS, reportBlocks, reportJson, toMarkdown } from '../report/index.js';
import { expandInputs } from './inputs.js';
import { Outputs } from './output.js';
import { addPageOptions, drawSvgs, htmlPage, type PageOptions } from './pages.js';
import { baseName } from './render.js';
import { formatFindings, type CommandContext } from './shared.js';

const FORMATS = ['md', 'html', 'json'] as const;

export interface ReportOptions extends PageOptions {
  format: (typeof FORMATS)[number];
  out: string;
}

export function register(program: Command, context: CommandContext): void {
  addPageOptions(program.command('report'))
    .summary('the workshop report of maps: scorecard, diagrams, steps, ranked opportunities')
    .description(
      'Write the report of each map: the scorecard against targets and benchmarks, where the time goes, the blueprint, journey and matrix, the step table, the opportunities ranked by their computed savings, and how much of the map rests on assumptions. md reads well on GitHub; html is one self-contained file (diagrams drawn as SVG in Chromium when one is found, else by Mermaid inlined in the page); json holds everything. Written to <out>/<map>.report.<format>, atomically, never over an input.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('html'))
    .option('-o, --out <folder>', 'where to write the reports', 'cxmap-out')
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap report examples/*.cxmap.yaml\n  $ cxmap report loan.cxmap.yaml --format md --out docs/reports\n  $ cxmap report "maps/*.cxmap.yaml" --format json --out build',
    )
    .action(async (files: string[], options: ReportOptions) => {
      const loaded = (await expandInputs(files)).map(loadFile);
      if (loaded.some((l) => !l.map)) {
        context.write(formatFindings('stylish', loaded, context));
        context.exitCode = 1;
        return;
      }
      await writeReports(loaded, options, context);
      context.exitCode = 0;
    });
}

/** Writes the report of each (valid) map, drawing the diagrams of them all with one browser. */
export async function writeReports(
  loaded: LoadedMap[],
  options: ReportOptions,
  context: CommandContext,
): Promise<void> {
  const outputs = new Outputs(loaded.map((l) => l.file));
  const reports = [];
  for (const l of loaded) {
    const analysis = await analyzeInParallel(l.map!, { runs: options.runs, seed: options.seed });
    const path = outputs.plan(
      join(options.out, `${baseName(l.file)}.report.${options.format}`),
      `the report of ${l.file}`,
    );
    reports.push({
      file: l.file,
      path,
      analysis,
      found: opportunities(analysis),
      diagrams: REPORT_VIEWS.flatMap((v) => viewDiagrams(analysis, v)),
    });
  }
  // One browser draws the diagrams of every report; ids are unique within a report's page.
  const svgs =
    options.format === 'html' && options.svg
      ? await drawSvgs(
          reports.flatMap((r) => r.diagrams),
          (d) => `cxmap-${d.view}${d.part ? `-${d.part.index}` : ''}`,
          options.theme,
        )
      : undefined;
  for (const r of reports) {
    const text =
      options.format === 'json'
        ? `${JSON.stringify(reportJson(r.analysis, r.file, r.found, r.diagrams), null, 2)}\n`
        : options.format === 'md'
          ? toMarkdown(reportBlocks(r.analysis, r.file, r.found, r.diagrams))
          : htmlPage(reportBlocks(r.analysis, r.file, r.found, r.diagrams), svgs, options.theme);
    outputs.write(r.path, text);
    context.write(`${r.path}\n`);
  }
}
