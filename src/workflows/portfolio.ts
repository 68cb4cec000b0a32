/**
 * The report of a portfolio (docs/portfolio.md): each journey scored as `cxmap score` and `cxmap report` score it
 * (its segments and blend, its ranked opportunities), then the portfolio's figures, written as Markdown (the matrix
 * as Mermaid text), one self-contained HTML file (the matrix drawn by cxmap) or JSON.
 */
import { basename, join } from 'node:path';
import type { LoadedPortfolio } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { opportunities, RULES, type RunConfig } from '../rules/index.js';
import { lifecycleDrawn, prioritiesDiagram, prioritiesDrawn } from '../render/index.js';
import {
  portfolioBlocks,
  portfolioJson,
  portfolioModel,
  stripOf,
  toHtml,
  toMarkdown,
  type PortfolioModel,
  type ScoredJourney,
} from '../report/index.js';
import { Outputs } from './output.js';

export const PORTFOLIO_FORMATS = ['md', 'html', 'json'] as const;

export interface PortfolioOptions {
  format: (typeof PORTFOLIO_FORMATS)[number];
  out: string;
  run: RunConfig;
}

/** The (valid) journeys of a portfolio, each scored with the run's configuration as `cxmap report` scores a map. */
export async function scoreJourneys(loaded: LoadedPortfolio, run: RunConfig): Promise<ScoredJourney[]> {
  const scored: ScoredJourney[] = [];
  for (const l of loaded.journeys) {
    const analysis = await analyzeInParallel(l.map!, run);
    scored.push({
      file: l.file,
      analysis,
      ranking: opportunities(analysis, RULES, run.efforts, run.levers),
    });
  }
  return scored;
}

/** The portfolio's figures from its (valid) journeys, each scored with the run's configuration. */
export const scorePortfolio = async (loaded: LoadedPortfolio, run: RunConfig): Promise<PortfolioModel> =>
  portfolioModel(loaded.portfolio!.name, loaded.file, await scoreJourneys(loaded, run));

/** The portfolio report as text in a format. */
export function portfolioText(model: PortfolioModel, format: PortfolioOptions['format']): string {
  // The changes' titles already name steps in words and their journey: the matrix needs no map to name them.
  const named = { steps: [], process: { name: model.name } };
  const title = `${model.name} · opportunities by value and effort`;
  if (format === 'json') return `${JSON.stringify(portfolioJson(model), null, 2)}\n`;
  if (format === 'md') return toMarkdown(portfolioBlocks(model, prioritiesDiagram(model.matrix, named)));
  const strip = lifecycleDrawn(stripOf(model), `${model.name} · the lifecycle`);
  return toHtml(portfolioBlocks(model, prioritiesDrawn(model.matrix, named, undefined, title), strip));
}

/** Writes `<out>/<portfolio>.<format>` (the portfolio file's name without .yaml), never over an input. */
export async function writePortfolio(
  loaded: LoadedPortfolio,
  options: PortfolioOptions,
  wrote: (path: string) => void,
): Promise<void> {
  const outputs = new Outputs([loaded.file, ...loaded.journeys.map((j) => j.file)]);
  const name = basename(loaded.file).replace(/\.ya?ml$/i, '');
  const path = outputs.plan(join(options.out, `${name}.${options.format}`), `the report of ${loaded.file}`);
  const model = await scorePortfolio(loaded, options.run);
  outputs.write(path, portfolioText(model, options.format));
  wrote(path);
}
