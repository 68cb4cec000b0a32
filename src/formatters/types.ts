/** What every formatter receives: the findings of each file, with the source for code frames. */
import { counted } from '../core/index.js';
import type { LoadedMap } from '../load/index.js';

/** A file's findings, and (for code frames) its lines when it could be read as text. */
export interface FileResult extends Pick<LoadedMap, 'file' | 'findings'> {
  source?: { lineText(line: number): string };
  /** A portfolio file, not a map. */
  kind?: 'portfolio';
}

/** What was checked, in words: "3 maps", or "3 maps and a portfolio". */
export function checkedWords(results: readonly FileResult[]): string {
  const portfolios = results.filter((r) => r.kind === 'portfolio').length;
  const maps = counted(results.length - portfolios, 'map');
  return portfolios === 0 ? maps : `${maps} and ${portfolios === 1 ? 'a portfolio' : counted(portfolios, 'portfolio')}`;
}

export interface FormatOptions {
  /** chalk colour level: 0 for none. */
  colorLevel: 0 | 1 | 2 | 3;
  /** cxmap's version, for formats that name the tool (SARIF). */
  version?: string;
}

export type Formatter = (results: FileResult[], options: FormatOptions) => string;

export function count(results: FileResult[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const e = r.findings.filter((f) => f.severity === 'error').length;
    errors += e;
    warnings += r.findings.length - e;
  }
  return { errors, warnings };
}
