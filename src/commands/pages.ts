/** What the page-making commands (`report`, `compare`) share: their options, and drawing their diagrams as SVG in one browser. */
import { cpus } from 'node:os';
import { Option, type Command } from 'commander';
import { DEFAULT_RUNS, DEFAULT_SEED } from '../analysis/index.js';
import { type Block, toHtml } from '../report/index.js';
import { type Diagram, findBrowser, mermaidScript, MermaidRenderer, THEMES, type Theme } from '../render/index.js';
import { progress } from './output.js';
import { positiveInteger } from './shared.js';

export interface PageOptions {
  runs: number;
  seed: number;
  theme: Theme;
  svg: boolean;
}

export function addPageOptions(command: Command): Command {
  return command
    .option('--runs <n>', 'customers to simulate', positiveInteger('--runs', 10_000_000), DEFAULT_RUNS)
    .option('--seed <n>', 'seed of the simulation', positiveInteger('--seed', 2 ** 31), DEFAULT_SEED)
    .addOption(new Option('--theme <theme>', 'Mermaid theme of the diagrams').choices(THEMES).default('default'))
    .option('--no-svg', 'html: let the page draw its diagrams with inlined Mermaid, even when a browser is found');
}

/** A page as HTML: with the SVG drawn by `drawSvgs`, or, when there are none, with Mermaid inlined to draw them. */
export function htmlPage(blocks: Block[], svgs: Map<Diagram, string> | undefined, theme: Theme): string {
  return svgs
    ? toHtml(blocks, { theme, svg: (d) => svgs.get(d)! })
    : toHtml(blocks, { theme, mermaidScript: mermaidScript() });
}

/**
 * The SVG of every diagram (`id` gives each SVG an id unique in its page and stable from run to run), or
 * undefined when there is no browser: the pages then draw their diagrams themselves. A diagram that cannot be
 * drawn stops the command, naming it.
 */
export async function drawSvgs(
  diagrams: Diagram[],
  id: (d: Diagram) => string,
  theme: Theme,
): Promise<Map<Diagram, string> | undefined> {
  const found = await findBrowser();
  if (!found) {
    process.stderr.write(
      'cxmap: no browser found: the HTML will draw its diagrams itself, with Mermaid inlined (install Chromium for inlined SVG)\n',
    );
    return undefined;
  }
  const renderer = await MermaidRenderer.open(found, {
    theme,
    scale: 1,
    pages: Math.min(diagrams.length, Math.max(1, cpus().length)),
  });
  const svgs = new Map<Diagram, string>();
  const failures: string[] = [];
  const bar = progress(diagrams.length, 'diagrams');
  try {
    await renderer.renderAll(
      diagrams.map((d) => ({ text: d.text, id: id(d), format: 'svg' })),
      (index, result) => {
        bar.tick();
        if ('error' in result) failures.push(`the ${diagrams[index]!.caption}: ${result.error.message.split('\n')[0]}`);
        else svgs.set(diagrams[index]!, result.data as string);
      },
    );
  } finally {
    bar.done();
    await renderer.close();
  }
  if (failures.length > 0) throw new Error(`could not draw ${failures.sort().join('; ')}`);
  return svgs;
}
