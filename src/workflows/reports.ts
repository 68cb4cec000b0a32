/** The reports of maps written to files, and pages (report, comparison) as HTML with their diagrams. */
import { join } from 'node:path';
import type { LoadedMap } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { opportunities, RULES, type Efforts } from '../rules/index.js';
import { mermaidScript, prioritiesDiagram, viewDiagrams, type Diagram, type Theme } from '../render/index.js';
import { REPORT_VIEWS, reportBlocks, reportJson, toHtml, toMarkdown, type Block } from '../report/index.js';
import { drawSvgs } from './draw.js';
import { Outputs } from './output.js';
import { baseName } from './render.js';

export const REPORT_FORMATS = ['md', 'html', 'json'] as const;

/** What the page-making commands (report, compare, watch) take. */
export interface PageOptions {
  runs: number;
  seed: number;
  theme: Theme;
  svg: boolean;
}

export interface ReportOptions extends PageOptions {
  format: (typeof REPORT_FORMATS)[number];
  out: string;
  /** The configuration's effort estimates of opportunities. */
  efforts?: Efforts;
}

/** A page as HTML: with the SVG drawn by `drawSvgs`, or, when there are none, with Mermaid inlined to draw them. */
export function htmlPage(blocks: Block[], svgs: Map<Diagram, string> | undefined, theme: Theme): string {
  return svgs
    ? toHtml(blocks, { theme, svg: (d) => svgs.get(d)! })
    : toHtml(blocks, { theme, mermaidScript: mermaidScript() });
}

/** Writes the report of each (valid) map, drawing the diagrams of them all with one browser. */
export async function writeReports(
  loaded: readonly LoadedMap[],
  options: ReportOptions,
  wrote: (path: string) => void,
): Promise<void> {
  const outputs = new Outputs(loaded.map((l) => l.file));
  const reports = [];
  for (const l of loaded) {
    const analysis = await analyzeInParallel(l.map!, { runs: options.runs, seed: options.seed });
    const path = outputs.plan(
      join(options.out, `${baseName(l.file)}.report.${options.format}`),
      `the report of ${l.file}`,
    );
    const found = opportunities(analysis, RULES, options.efforts);
    reports.push({
      file: l.file,
      path,
      analysis,
      found,
      diagrams: [...REPORT_VIEWS.flatMap((v) => viewDiagrams(analysis, v)), prioritiesDiagram(found)],
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
    wrote(r.path);
  }
}
