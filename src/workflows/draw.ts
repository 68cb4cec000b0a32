/**
 * Mermaid's own drawing of a batch of diagrams (`--engine mermaid`) in one browser: a page per core takes the next
 * diagram as soon as it is free. cxmap's own drawings never come here: render/print prints them.
 */
import { cpus } from 'node:os';
import {
  findBrowser,
  MermaidRenderer,
  type BrowserFormat,
  type Diagram,
  type Page,
  type Theme,
} from '../render/index.js';
import { progress } from './output.js';

interface DrawJob {
  diagram: Diagram;
  /** The SVG's id: unique in its page, stable from run to run (byte-identical output). */
  id: string;
  format: BrowserFormat;
  page?: Page;
}

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
      jobs.map((j) => ({ mermaid: j.diagram.text, id: j.id, format: j.format, page: j.page })),
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
