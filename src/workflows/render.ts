/** The diagrams of maps written to files: Mermaid text and Markdown directly, SVG, PNG and PDF drawn in one browser. */
import { basename, join } from 'node:path';
import { UsageError } from '../core/index.js';
import type { LoadedMap } from '../load/index.js';
import { analyzeExact } from '../analysis/index.js';
import {
  drawnDiagrams,
  isDrawn,
  type Drawn,
  NO_BROWSER,
  PAGES,
  viewDiagrams,
  type Diagram,
  type PageName,
  type Theme,
  type ViewName,
} from '../render/index.js';
import { viewsMarkdown } from '../report/index.js';
import type { RunConfig } from '../rules/index.js';
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
  /** The page of svg, png and pdf; by default 16:9 for png and pdf, none for svg. */
  page?: PageName;
  /** The run's configuration: the weights that place each step on the matrix. */
  run: RunConfig;
}

/** The name a map's outputs start with: its file name without `.cxmap.yaml`. */
export function baseName(file: string): string {
  return file === '<stdin>' ? 'stdin' : basename(file).replace(/(\.cxmap)?\.ya?ml$/i, '');
}

interface Planned {
  path: string;
  what: string;
  /** The diagram, or its parts as the pages of one PDF. */
  diagrams: (Diagram | Drawn)[];
}

/**
 * Writes the views of each (valid) map, calling `wrote` with each path written; returns the exit code (2 when a
 * diagram could not be drawn, each such diagram named on standard error). A view in parts is one PDF with a page
 * per part, or one file per part for svg and png: `<map>.<view>-1.svg`, `-2`...
 */
export async function renderMaps(
  loaded: readonly LoadedMap[],
  options: RenderOptions,
  wrote: (path: string) => void,
): Promise<number> {
  const outputs = new Outputs(loaded.map((l) => l.file));
  const texts: { path: string; text: string }[] = [];
  const planned: Planned[] = [];
  const format = options.format;
  const pageName = options.page ?? (format === 'png' || format === 'pdf' ? '16:9' : 'none');
  const page = pageName === 'none' ? undefined : PAGES[pageName];
  for (const l of loaded) {
    const analysis = analyzeExact(l.map!, options.run);
    const base = baseName(l.file);
    if (format === 'md') {
      const diagrams = options.view.flatMap((v) => viewDiagrams(analysis, v));
      texts.push({
        path: outputs.plan(join(options.out, `${base}.md`), `the diagrams of ${l.file}`),
        text: viewsMarkdown(analysis, diagrams),
      });
      continue;
    }
    for (const view of options.view) {
      const diagrams = format === 'mmd' ? viewDiagrams(analysis, view) : drawnDiagrams(analysis, view, page);
      const onePdf = format === 'pdf' && diagrams.every(isDrawn);
      const files = onePdf ? [diagrams] : diagrams.map((d) => [d]);
      for (const parts of files) {
        const part = files.length > 1 ? parts[0]!.part : undefined;
        const name = `${base}.${view}${part ? `-${part.index}` : ''}.${format}`;
        const what = `the ${view} of ${l.file}${part ? ` (part ${part.index} of ${part.count})` : ''}`;
        const path = outputs.plan(join(options.out, name), what);
        const first = parts[0]!;
        if (!isDrawn(first) && format === 'mmd') texts.push({ path, text: first.text });
        else if (isDrawn(first) && format === 'svg') texts.push({ path, text: first.svg });
        else planned.push({ path, what, diagrams: parts });
      }
    }
  }
  for (const t of texts) {
    outputs.write(t.path, t.text);
    wrote(t.path);
  }
  if (planned.length === 0 || format === 'mmd' || format === 'md') return 0;

  const jobs = planned.map((p) => ({ diagrams: p.diagrams, id: `cxmap-${p.diagrams[0]!.view}`, format, page }));
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
