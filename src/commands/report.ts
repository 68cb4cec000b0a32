/** `cxmap report`: the workshop report of each map, as Markdown, one self-contained HTML file, or JSON. */
import { join } from 'node:path';
import { cpus } from 'node:os';
import { Option, type Command } from 'commander';
import { loadFile } from '../load/index.js';
import { analyzeInParallel, DEFAULT_RUNS, DEFAULT_SEED, type Analysis } from '../analysis/index.js';
import { opportunities } from '../rules/index.js';
import { viewDiagrams, type Diagram } from '../render/views.js';
import { findBrowser, mermaidScript, MermaidRenderer, THEMES, type Theme } from '../render/browser.js';
import { REPORT_VIEWS, reportBlocks, reportJson } from '../report/report.js';
import { toMarkdown } from '../report/document.js';
import { toHtml } from '../report/html.js';
import { expandInputs } from './inputs.js';
import { Outputs, progress } from './output.js';
import { baseName } from './render.js';
import { formatFindings, positiveInteger, type CommandContext } from './shared.js';

const FORMATS = ['md', 'html', 'json'] as const;

interface ReportOptions {
  format: (typeof FORMATS)[number];
  out: string;
  runs: number;
  seed: number;
  theme: Theme;
  svg: boolean;
}

export function register(program: Command, context: CommandContext): void {
  program
    .command('report')
    .summary('the workshop report of maps: scorecard, diagrams, steps, ranked opportunities')
    .description('Write the report of each map: the scorecard against targets and benchmarks, where the time goes, the blueprint, journey and matrix, the step table, the opportunities ranked by their computed savings, and how much of the map rests on assumptions. md reads well on GitHub; html is one self-contained file (diagrams drawn as SVG in Chromium when one is found, else by Mermaid inlined in the page); json holds everything. Written to <out>/<map>.report.<format>, atomically, never over an input.')
    .argument('<files...>', 'map files or globs; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('html'))
    .option('-o, --out <folder>', 'where to write the reports', 'cxmap-out')
    .option('--runs <n>', 'customers to simulate', positiveInteger('--runs', 10_000_000), DEFAULT_RUNS)
    .option('--seed <n>', 'seed of the simulation', positiveInteger('--seed', 2 ** 31), DEFAULT_SEED)
    .addOption(new Option('--theme <theme>', 'Mermaid theme of the diagrams').choices(THEMES).default('default'))
    .option('--no-svg', 'html: let the page draw its diagrams with inlined Mermaid, even when a browser is found')
    .addHelpText('after', '\nExamples:\n  $ cxmap report examples/*.cxmap.yaml\n  $ cxmap report loan.cxmap.yaml --format md --out docs/reports\n  $ cxmap report "maps/*.cxmap.yaml" --format json --out build')
    .action(async (files: string[], options: ReportOptions) => {
      const loaded = (await expandInputs(files)).map(loadFile);
      if (loaded.some((l) => !l.map)) {
        context.write(formatFindings('stylish', loaded, context));
        context.exitCode = 1;
        return;
      }
      const outputs = new Outputs(loaded.map((l) => l.file));
      const reports = [];
      for (const l of loaded) {
        const analysis = await analyzeInParallel(l.map!, { runs: options.runs, seed: options.seed });
        const path = outputs.plan(join(options.out, `${baseName(l.file)}.report.${options.format}`), `the report of ${l.file}`);
        reports.push({ file: l.file, path, analysis, found: opportunities(analysis), diagrams: REPORT_VIEWS.flatMap((v) => viewDiagrams(analysis, v)) });
      }
      const svgs = options.format === 'html' && options.svg ? await drawAll(reports.flatMap((r) => r.diagrams), options.theme) : undefined;
      for (const r of reports) {
        const text =
          options.format === 'json' ? `${JSON.stringify(reportJson(r.analysis, r.file, r.found, r.diagrams), null, 2)}\n`
            : options.format === 'md' ? toMarkdown(reportBlocks(r.analysis, r.file, r.found, r.diagrams))
              : html(r.analysis, r.file, r.found, r.diagrams);
        outputs.write(r.path, text);
        context.write(`${r.path}\n`);
      }
      context.exitCode = 0;

      function html(analysis: Analysis, file: string, found: ReturnType<typeof opportunities>, diagrams: Diagram[]) {
        const blocks = reportBlocks(analysis, file, found, diagrams);
        return svgs ? toHtml(blocks, { theme: options.theme, svg: (d) => svgs.get(d)! }) : toHtml(blocks, { theme: options.theme, mermaidScript: mermaidScript() });
      }
    });
}

/**
 * Draws every diagram of every report in one browser, or returns undefined when there is no browser (the pages
 * then draw their diagrams themselves). A diagram that cannot be drawn stops the command, naming it.
 */
async function drawAll(diagrams: Diagram[], theme: Theme): Promise<Map<Diagram, string> | undefined> {
  const found = await findBrowser();
  if (!found) {
    process.stderr.write('cxmap: no browser found: the HTML reports will draw their diagrams themselves, with Mermaid inlined (install Chromium for inlined SVG)\n');
    return undefined;
  }
  const renderer = await MermaidRenderer.open(found, { theme, scale: 1, pages: Math.min(diagrams.length, Math.max(1, cpus().length)) });
  const svgs = new Map<Diagram, string>();
  const failures: string[] = [];
  const bar = progress(diagrams.length, 'diagrams');
  // Ids unique within a page (several diagrams share it) and stable from run to run.
  const id = (d: Diagram) => `cxmap-${d.view}${d.part ? `-${d.part.index}` : ''}`;
  try {
    await renderer.renderAll(diagrams.map((d) => ({ text: d.text, id: id(d), format: 'svg' })), async (index, result) => {
      bar.tick();
      if ('error' in result) failures.push(`the ${diagrams[index]!.caption}: ${result.error.message.split('\n')[0]}`);
      else svgs.set(diagrams[index]!, new TextDecoder().decode(result.data));
    });
  } finally {
    bar.done();
    await renderer.close();
  }
  if (failures.length > 0) throw new Error(`could not draw ${failures.sort().join('; ')}`);
  return svgs;
}
