/** Mermaid's own parser, in headless Chromium: the same Mermaid build that renders the diagrams. */
import puppeteer, { type Browser, type Page } from 'puppeteer';
import { findBrowser, mermaidPage } from '../../src/render/browser.js';

export interface MermaidParser {
  /** Resolves with the diagram type when Mermaid's parser accepts the text; rejects with its error otherwise. */
  parse(text: string): Promise<string>;
  close(): Promise<void>;
}

export async function openParser(): Promise<MermaidParser> {
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
