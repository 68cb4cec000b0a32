/** The diagrams of maps written to files: Mermaid text and Markdown directly, SVG, PNG and PDF drawn in one browser. */
import { basename, join } from 'node:path';
import { UsageError } from '../core/index.js';
import type { LoadedMap } from '../load/index.js';
import { analyzeExact } from '../analysis/index.js';
import { NO_BROWSER, viewDiagrams, type Diagram, type Theme, type ViewName } from '../render/index.js';
import { viewsMarkdown } from '../report/index.js';
import { drawAll } from './draw.js';
import { Outputs } from './output.js';

export const RENDER_FORMATS = ['mmd', 'md', 'svg', 'png', 'pdf'] as const;
type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions {
  view: ViewName[];
  format: RenderFormat;
  out: string;
  theme: Theme;
  scale: number;
}

/** The name a map's outputs start with: its file name without `.cxmap.yaml`. */
export function baseName(file: string): string {
  return file === '<stdin>' ? 'stdin' : basename(file).replace(/(\.cxmap)?\.ya?ml$/i, '');
}

interface Planned {
  path: string;
  what: string;
  diagram: Diagram;
}

/**
 * Writes the views of each (valid) map, calling `wrote` with each path written; returns the exit code (2 when a
 * diagram could not be drawn, each such diagram named on standard error).
 */
export async function renderMaps(
  loaded: readonly LoadedMap[],
  options: RenderOptions,
  wrote: (path: string) => void,
): Promise<number> {
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
    wrote(t.path);
  }
  const format = options.format;
  if (planned.length === 0 || format === 'mmd' || format === 'md') return 0;

  const jobs = planned.map((p) => ({ diagram: p.diagram, id: `cxmap-${p.diagram.view}`, format }));
  const failures = await drawAll(jobs, options, (index, data) => {
    outputs.write(planned[index]!.path, data);
    wrote(planned[index]!.path);
  });
  if (!failures) throw new UsageError(NO_BROWSER);
  const named = [...failures].map(
    ([i, error]) => `cxmap: could not render ${planned[i]!.path} (${planned[i]!.what}): ${error}`,
  );
  for (const line of named.sort()) process.stderr.write(`${line}\n`);
  return failures.size > 0 ? 2 : 0;
}
