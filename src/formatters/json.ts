/** Findings as JSON, one entry per file, for other tools to read. */
import { count, type FileResult } from './types.js';

export function json(results: FileResult[]): string {
  return `${JSON.stringify(
    results.map((r) => {
      const { errors, warnings } = count([r]);
      return { file: r.file, valid: errors === 0, errorCount: errors, warningCount: warnings, findings: r.findings };
    }),
    null,
    2,
  )}\n`;
}
