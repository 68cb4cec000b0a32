/** What every formatter receives: the findings of each file, with the source for code frames. */
import type { LoadedMap } from '../load/index.js';

export type FileResult = Pick<LoadedMap, 'file' | 'findings' | 'source'>;

export interface FormatOptions {
  /** chalk colour level: 0 for none. */
  colorLevel: 0 | 1 | 2 | 3;
}

export type Formatter = (results: FileResult[], options: FormatOptions) => string;

export function count(results: FileResult[]): { errors: number; warnings: number; filesWithErrors: number } {
  let errors = 0;
  let warnings = 0;
  let filesWithErrors = 0;
  for (const r of results) {
    const e = r.findings.filter((f) => f.severity === 'error').length;
    errors += e;
    warnings += r.findings.length - e;
    if (e > 0) filesWithErrors++;
  }
  return { errors, warnings, filesWithErrors };
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
