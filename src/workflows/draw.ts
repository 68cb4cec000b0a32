/** Drawing a batch of diagrams in one browser: a page per core takes the next diagram as soon as it is free. */
import { cpus } from 'node:os';
import {
  findBrowser,
  MermaidRenderer,
  type BrowserFormat,
  isDrawn,
  type Diagram,
  type Drawn,
  type Page,
  type Theme,
} from '../render/index.js';
import { progress } from './output.js';

interface DrawJob {
  /** The diagram, or the parts of one that a PDF has as its pages. */
  diagrams: readonly (Diagram | Drawn)[];
  /** The SVG's id: unique in its page, stable from run to run (byte-identical output). */
  id: string;
  format: BrowserFormat;
  page?: Page;
}

/** What the browser draws: the SVG cxmap drew itself, or Mermaid's text. */
const sourceOf = (diagrams: readonly (Diagram | Drawn)[]) => {
  const first = diagrams[0]!;
  return isDrawn(first) ? { svgs: diagrams.filter(isDrawn).map((d) => d.svg) } : { mermaid: first.text };
};

interface DrawOptions {
  theme: Theme;
  /** Pixels per point for PNG. */
  scale: number;
}

/**
 * Draws every job with one browser, calling `drawn` as each is done (in the order they finish: outputs can be
 * written at once); returns the first line of the error of each job that could not be drawn, by job index.
 * Undefined when there is no browser.
 */
export async function drawAll(
  jobs: readonly DrawJob[],
  options: DrawOptions,
  drawn: (index: number, data: string | Uint8Array) => void,
): Promise<Map<number, string> | undefined> {
  const found = await findBrowser();
  if (!found) return undefined;
  const renderer = await MermaidRenderer.open(found, {
    theme: options.theme,
    scale: options.scale,
    pages: Math.min(jobs.length, Math.max(1, cpus().length)),
  });
  const failures = new Map<number, string>();
  const bar = progress(jobs.length, 'diagrams');
  try {
    await renderer.renderAll(
      jobs.map((j) => ({ source: sourceOf(j.diagrams), id: j.id, format: j.format, page: j.page })),
      (index, result) => {
        bar.tick();
        if ('error' in result) failures.set(index, result.error.message.split('\n')[0]!);
        else drawn(index, result.data);
      },
    );
  } finally {
    bar.done();
    await renderer.close();
  }
  return failures;
}
