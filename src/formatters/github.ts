/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the runner turns into an
 * annotation at the file and line in the pull request. Escaped as the runner reads them (actions/toolkit).
 */
import { printable } from '../core/index.js';
import type { FileResult } from './types.js';

const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
/** A message printable line by line: no escape sequence reaches the log; its line breaks stay, as the runner shows them. */
const message = (s: string) => data(s.split(/\r?\n/).map(printable).join('\n'));

export function github(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = property(printable(r.file.split('\\').join('/')));
    for (const f of r.findings) {
      const where = `file=${file},line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn}`;
      lines.push(
        `::${f.severity === 'error' ? 'error' : 'warning'} ${where},title=${property(`cxmap ${f.code}`)}::${message(f.message)}`,
      );
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
