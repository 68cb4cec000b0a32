/**
 * Mermaid's own parser, in headless Chromium: the same Mermaid build that renders the diagrams. Without a browser
 * (see tools.ts: skipped with a note, failed under CI) the parser accepts nothing and checks nothing: `parses`
 * stands aside, and the golden text beside it is still compared.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { findBrowser, mermaidPage } from '../../src/render/browser.js';
import { needs } from './tools.js';

/** Whether Mermaid's parser is to be skipped here: no browser to run it in. */
export const noParser = needs('chromium');

export interface MermaidParser {
  /** Resolves with the diagram type when Mermaid's parser accepts the text; rejects with its error otherwise. */
  parse(text: string): Promise<string>;
  close(): Promise<void>;
}

/** The parser, or none without a browser. */
export async function openParser(): Promise<MermaidParser | undefined> {
  if (noParser) return undefined;
  const found = await findBrowser();
  if (!found) throw new Error('these tests need Chromium: apt-get install chromium (.ci/run installs it)');
  const browser: Browser = await puppeteer.launch({
    executablePath: found.path,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page: Page = await mermaidPage(browser, 'default');
  return {
    parse: (text) =>
      page.evaluate(async (text) => {
        // @ts-expect-error: the global mermaid.
        const result = (await mermaid.parse(text)) as { diagramType: string };
        return result.diagramType;
      }, text),
    close: () => browser.close(),
  };
}

/** Mermaid's parser takes the text as a diagram of `type` (where a browser runs the parser). */
export async function expectParses(parser: MermaidParser | undefined, text: string, type: string): Promise<void> {
  if (!parser) return;
  const { expect } = await import('vitest');
  expect(await parser.parse(text)).toBe(type);
}
