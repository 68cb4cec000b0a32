/** The reports of maps written to files: Markdown and JSON with Mermaid text, HTML with the pictures cxmap draws. */
import { join } from 'node:path';
import { knownPersonas, type LoadedMap } from '../load/index.js';
import { analyzeInParallel } from '../analysis/index.js';
import { opportunities, RULES, type RunConfig } from '../rules/index.js';
import { flowPictures, prioritiesDiagram, prioritiesDrawn, viewDiagrams } from '../render/index.js';
import {
  csvFiles,
  longLabels,
  personaCards,
  REPORT_VIEWS,
  reportBlocks,
  reportJson,
  toHtml,
  toMarkdown,
} from '../report/index.js';
import { Outputs } from './output.js';
import { baseName } from './render.js';

export const REPORT_FORMATS = ['md', 'html', 'json', 'csv'] as const;

export interface ReportOptions {
  format: (typeof REPORT_FORMATS)[number];
  out: string;
  /** The run's configuration: weights, effort estimates, the simulation. */
  run: RunConfig;
}

/**
 * Writes the report of each (valid) map: `<map>.report.<format>`, or for csv the three tables
 * `<map>.scorecard.csv`, `<map>.steps.csv` and `<map>.opportunities.csv`. Every path is checked before the first is
 * written.
 */
export async function writeReports(
  loaded: readonly LoadedMap[],
  options: ReportOptions,
  wrote: (path: string) => void,
): Promise<void> {
  const outputs = new Outputs(loaded.map((l) => l.file));
  const reports = [];
  for (const l of loaded) {
    const analysis = await analyzeInParallel(l.map!, options.run);
    const found = opportunities(analysis, RULES, options.run.efforts, options.run.levers);
    const base = join(options.out, baseName(l.file));
    if (options.format === 'csv') {
      for (const { name, text } of csvFiles(analysis, found))
        reports.push({ path: outputs.plan(`${base}.${name}.csv`, `the ${name} of ${l.file}`), text: () => text });
      continue;
    }
    const path = outputs.plan(`${base}.report.${options.format}`, `the report of ${l.file}`);
    const segments = analysis.segmented;
    const cards = personaCards(l.map!, knownPersonas(l, options.run.personas));
    const mermaid = () => [
      ...REPORT_VIEWS.flatMap((v) => viewDiagrams(analysis, v)),
      prioritiesDiagram(found, analysis.map),
    ];
    const text = () =>
      options.format === 'json'
        ? `${JSON.stringify(reportJson(analysis, l.file, found, mermaid(), segments, cards), null, 2)}\n`
        : options.format === 'md'
          ? toMarkdown(reportBlocks(analysis, l.file, found, mermaid(), segments, cards))
          : toHtml(
              reportBlocks(
                analysis,
                l.file,
                found,
                [...flowPictures(analysis, REPORT_VIEWS), prioritiesDrawn(found, analysis.map)],
                segments,
                cards,
              ),
              longLabels(analysis.map),
            );
    reports.push({ path, text });
  }
  for (const { path, text } of reports) {
    outputs.write(path, text());
    wrote(path);
  }
}
