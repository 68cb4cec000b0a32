/** `cxmap render`: the diagrams of each map as Mermaid text, Markdown, or SVG, PNG and PDF drawn in Chromium. */
import { basename, join } from 'node:path';
import { cpus } from 'node:os';
import { Option, type Command } from 'commander';
import { loadFile, type LoadedMap } from '../load/index.js';
import { UsageError } from '../core/index.js';
import { analyzeExact } from '../analysis/index.js';
import {
  VIEWS,
  viewDiagrams,
  type Diagram,
  type ViewName,
  findBrowser,
  MermaidRenderer,
  NO_BROWSER,
  THEMES,
  type BrowserFormat,
  type RenderJob,
  type Theme,
} from '../render/index.js';
import { viewsMarkdown } from '../report/index.js';
import { expandInputs } from './inputs.js';
import { Outputs, progress } from './output.js';
import { formatFindings, type CommandContext } from './shared.js';

const FORMATS = ['mmd', 'md', 'svg', 'png', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  view: ViewName[];
  format: Format;
  out: string;
  theme: Theme;
  scale: number;
}

/** The name a map's outputs start with: its file name without `.cxmap.yaml`. */
export function baseName(file: string): string {
  return file === '<stdin>' ? 'stdin' : basename(file).replace(/(\.cxmap)?\.ya?ml$/i, '');
}

export const parseViews = (value: string): ViewName[] => {
  const views = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const unknown = views.find((v) => !(VIEWS as readonly string[]).includes(v));
  if (unknown) throw new UsageError(`there is no view called ${unknown}: choose from ${VIEWS.join(', ')}`);
  return [...new Set(views)] as ViewName[];
};

export const parseScale = (value: string) => {
  const n = Number(value);
  if (!(n >= 1 && n <= 8)) throw new UsageError(`--scale takes a number from 1 to 8, not ${value}`);
  return n;
};

export function register(program: Command, context: CommandContext): void {
  program
    .command('render')
    .summary('draw the diagrams of maps: blueprint, journey, timeline, matrix')
    .description(
      'Draw the diagrams of each map as Mermaid: the service blueprint, the customer journey, the timeline of the most likely path and the value/delay matrix. mmd and md need nothing else; svg, png and pdf are drawn in headless Chromium (see `cxmap doctor`). Outputs are named <map>.<view>.<format> (one <map>.md for md), written atomically, never over an input.',
    )
    .argument('<files...>', 'map files, folders or globs; - reads standard input')
    .addOption(
      new Option('--view <views>', `views, separated by commas: ${VIEWS.join(', ')}`)
        .default(['blueprint'], 'blueprint')
        .argParser(parseViews),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('mmd'))
    .option('-o, --out <folder>', 'where to write the files', 'cxmap-out')
    .addOption(new Option('--theme <theme>', 'Mermaid theme for svg, png and pdf').choices(THEMES).default('default'))
    .option('--scale <n>', 'pixels per point for png (at least 1800 pixels wide whatever the scale)', parseScale, 2)
    .addHelpText(
      'after',
      '\nExamples:\n  $ cxmap render examples/home-loan.cxmap.yaml --view blueprint,journey --format md\n  $ cxmap render "maps/*.cxmap.yaml" --view blueprint,journey,timeline,matrix --format svg --out diagrams\n  $ cxmap render loan.cxmap.yaml --format png --scale 3',
    )
    .action(async (files: string[], options: RenderOptions) => {
      const loaded = (await expandInputs(files)).map(loadFile);
      if (loaded.some((l) => !l.map)) {
        context.write(formatFindings('stylish', loaded, context));
        context.exitCode = 1;
        return;
      }
      context.exitCode = await render(loaded, options, context);
    });
}

interface Planned {
  path: string;
  what: string;
  diagram: Diagram;
}

/** Writes the views of each (valid) map; returns the exit code (2 when a diagram could not be drawn). */
export async function render(loaded: LoadedMap[], options: RenderOptions, context: CommandContext): Promise<number> {
  const outputs = new Outputs(loaded.map((l) => l.file));
  const texts: { path: string; text: string }[] = [];
  const planned: Planned[] = [];
  for (const l of loaded) {
    const analysis = analyzeExact(l.map!);
    const base = baseName(l.file);
    const diagrams = options.view.flatMap((v) => viewDiagrams(analysis, v));
    if (options.format === 'md') {
      texts.push({
        path: outputs.plan(join(options.out, `${base}.md`), `the diagrams of ${l.file}`),
        text: viewsMarkdown(analysis, diagrams),
      });
      continue;
    }
    for (const d of diagrams) {
      const name = `${base}.${d.view}${d.part ? `.part${d.part.index}` : ''}.${options.format}`;
      const what = `the ${d.view} of ${l.file}${d.part ? ` (part ${d.part.index})` : ''}`;
      const path = outputs.plan(join(options.out, name), what);
      if (options.format === 'mmd') texts.push({ path, text: d.text });
      else planned.push({ path, what, diagram: d });
    }
  }
  for (const t of texts) {
    outputs.write(t.path, t.text);
    context.write(`${t.path}\n`);
  }
  if (planned.length === 0) return 0;

  const found = await findBrowser();
  if (!found) throw new UsageError(NO_BROWSER);
  const renderer = await MermaidRenderer.open(found, {
    theme: options.theme,
    scale: options.scale,
    pages: Math.min(planned.length, Math.max(1, cpus().length)),
  });
  const bar = progress(planned.length, 'diagrams');
  const failures: string[] = [];
  try {
    const jobs: RenderJob[] = planned.map((p) => ({
      text: p.diagram.text,
      id: `cxmap-${p.diagram.view}`,
      format: options.format as BrowserFormat,
    }));
    await renderer.renderAll(jobs, (index, result) => {
      const p = planned[index]!;
      bar.tick();
      if ('error' in result) {
        failures.push(`cxmap: could not render ${p.path} (${p.what}): ${result.error.message.split('\n')[0]}`);
        return;
      }
      outputs.write(p.path, result.data);
      context.write(`${p.path}\n`);
    });
  } finally {
    bar.done();
    await renderer.close();
  }
  for (const f of failures.sort()) process.stderr.write(`${f}\n`);
  return failures.length > 0 ? 2 : 0;
}
