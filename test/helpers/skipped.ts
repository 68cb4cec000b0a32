/**
 * Vitest's global setup: at the end of the run, one line for each tool this machine lacks, with the tests that were
 * skipped for it (see tools.ts). Nothing under CI, where a missing tool fails its tests instead.
 */
import { missing, TOOLS, type Tool } from './tools.js';

/** What each tool's tests check, for the closing note. */
const CHECKS: Record<Tool, string> = {
  chromium:
    "Mermaid's own drawing (--engine mermaid), Mermaid's parser, the HTML report and the live page in a browser",
  soffice: 'the deck opened in LibreOffice',
  pdftotext: 'PDF text read back by poppler',
  'rsvg-convert': 'SVG read by librsvg',
};

export function teardown(): void {
  if (process.env.CI) return;
  const lacking = missing(Object.keys(TOOLS) as Tool[]);
  for (const tool of lacking)
    process.stdout.write(`\nskipped (no ${tool} here): ${CHECKS[tool]}. To run them, install ${TOOLS[tool]}.`);
  if (lacking.length > 0) process.stdout.write('\n');
}
