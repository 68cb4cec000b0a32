/**
 * The diagrams of maps written to files: Mermaid text and Markdown directly; SVG, PNG and PDF printed from the scenes
 * cxmap lays out (no browser), or, with the Mermaid engine, Mermaid's own drawing of the Mermaid text in a browser.
 */
import { basename, join } from 'node:path';
import { UsageError } from '../core/index.js';
import type { LoadedMap } from '../load/index.js';
import { analyzeExact } from '../analysis/index.js';
import {
  drawnDiagrams,
  type Drawn,
  NO_BROWSER,
  PAGES,
  pdfOf,
  pngOf,
  viewDiagrams,
  type Diagram,
  type PageName,
  type Theme,
  type ViewName,
} from '../render/index.js';
import { viewsMarkdown } from '../report/index.js';
import type { RunConfig } from '../rules/index.js';
import { drawAll } from './draw.js';
import { Outputs, progress } from './output.js';

export const RENDER_FORMATS = ['mmd', 'md', 'svg', 'png', 'pdf'] as const;
type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Who draws svg, png and pdf: cxmap itself, or Mermaid (its own drawing of the Mermaid text, in a browser). */
export const RENDER_ENGINES = ['cxmap', 'mermaid'] as const;
type RenderEngine = (typeof RENDER_ENGINES)[number];

export interface RenderOptions {
  view: ViewName[];
  format: RenderFormat;
  out: string;
  theme: Theme;
  /** Pixels per point for png. */
  scale: number;
  /** The page of svg, png and pdf; by default 16:9 for png and pdf, none for svg. */
  page?: PageName;
  /** Who draws svg, png and pdf (cxmap by default). */
  engine?: RenderEngine;
  /** The run's configuration: the weights that place each step on the matrix. */
  run: RunConfig;
}

/** The name a map's outputs start with: its file name without `.cxmap.yaml`. */
export function baseName(file: string): string {
  return file === '<stdin>' ? 'stdin' : basename(file).replace(/(\.cxmap)?\.ya?ml$/i, '');
}

/** A diagram for Mermaid to draw in the browser. */
interface Planned {
  path: string;
  what: string;
  diagram: Diagram;
}

/** A file drawn by cxmap: its parts printed without a browser (a PDF has a page per part, titled `title`). */
async function printed(format: 'svg' | 'png' | 'pdf', parts: readonly Drawn[], scale: number, title: string) {
  if (format === 'svg') return parts[0]!.svg;
  if (format === 'png') return pngOf(parts[0]!, scale);
  return pdfOf(parts, title);
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
  const drawn: { path: string; parts: Drawn[]; title: string }[] = [];
  const planned: Planned[] = [];
  const format = options.format;
  const mermaid = format === 'mmd' || options.engine === 'mermaid';
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
    const plan = (view: string, part?: { index: number; count: number }) => {
      const name = `${base}.${view}${part ? `-${part.index}` : ''}.${format}`;
      const what = `the ${view} of ${l.file}${part ? ` (part ${part.index} of ${part.count})` : ''}`;
      return { path: outputs.plan(join(options.out, name), what), what };
    };
    for (const view of options.view) {
      if (mermaid) {
        // The Mermaid text, or Mermaid's own drawing of it in a browser (--engine mermaid).
        for (const diagram of viewDiagrams(analysis, view)) {
          const { path, what } = plan(view, diagram.part);
          if (format === 'mmd') texts.push({ path, text: diagram.text });
          else planned.push({ path, what, diagram });
        }
        continue;
      }
      const parts = drawnDiagrams(analysis, view, page);
      const files = format === 'pdf' ? [parts] : parts.map((d) => [d]);
      for (const file of files)
        drawn.push({
          path: plan(view, files.length > 1 ? file[0]!.part : undefined).path,
          parts: file,
          title: `${l.map!.process.name} · ${view}`,
        });
    }
  }
  for (const t of texts) {
    outputs.write(t.path, t.text);
    wrote(t.path);
  }
  if (format === 'mmd' || format === 'md') return 0;
  const bar = progress(drawn.length, 'diagrams');
  for (const d of drawn) {
    outputs.write(d.path, await printed(format, d.parts, options.scale, d.title));
    wrote(d.path);
    bar.tick();
  }
  bar.done();
  if (planned.length === 0) return 0;

  const jobs = planned.map((p) => ({ diagram: p.diagram, id: `cxmap-${p.diagram.view}`, format, page }));
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
