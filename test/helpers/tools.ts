/**
 * The tools some tests need beside Node: a browser (Mermaid's own engine and its parser), LibreOffice (the deck as
 * its readers open it), poppler and librsvg (PDF and SVG read by other programs). `npm test` passes on a machine
 * with Node alone: a test that needs a missing tool is skipped, saying which tool and how to get it, and the run
 * ends with the list of what was skipped (test/helpers/skipped.ts). Under CI (`CI` set), which installs them all (.ci/run), a missing
 * tool fails instead: a skipped test there would hide a broken install.
 *
 *     describe.skipIf(needs('soffice'))('the deck in LibreOffice', () => { ... });
 */
import { execFileSync } from 'node:child_process';
import { findBrowser } from '../../src/render/index.js';

/** Each tool, with what provides it. */
export const TOOLS = {
  chromium: 'a browser: apt-get install chromium, or CXMAP_BROWSER=<path of Chrome or Chromium>',
  soffice: 'LibreOffice: apt-get install libreoffice-impress',
  pdftotext: 'poppler: apt-get install poppler-utils',
  'rsvg-convert': 'librsvg: apt-get install librsvg2-bin',
} as const;
export type Tool = keyof typeof TOOLS;

const onPath = (name: string) => {
  try {
    execFileSync('sh', ['-c', `command -v '${name}'`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

// The browser as cxmap itself finds it (CXMAP_BROWSER, puppeteer's download, the usual names).
const browser = await findBrowser().catch(() => undefined);

/** Whether the tool is on this machine. */
export const has = (tool: Tool): boolean => (tool === 'chromium' ? browser !== undefined : onPath(tool));

/** The tools of `tools` this machine lacks. */
export const missing = (tools: readonly Tool[]): Tool[] => tools.filter((t) => !has(t));

/**
 * Whether the tests that need `tools` are to be skipped: true (with one line on standard error naming what is
 * missing) when one is missing; under CI a missing tool throws, failing the file with that line.
 */
export function needs(...tools: Tool[]): boolean {
  const lacking = missing(tools);
  if (lacking.length === 0) return false;
  const what = `need ${lacking.map((t) => `${t} (${TOOLS[t]})`).join(' and ')}, which this machine lacks`;
  if (process.env.CI) throw new Error(`these tests ${what}: CI installs it (.ci/run), so this is a broken install`);
  process.stderr.write(`skipped: the tests here ${what}\n`);
  return true;
}
