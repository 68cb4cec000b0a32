/** The default terminal output: findings grouped by file, each with a code frame, and a summary line. */
import { Chalk } from 'chalk';
import { counted, printable, type Finding } from '../core/index.js';
import { checkedWords, count, type FileResult, type FormatOptions } from './types.js';

function codeFrame(result: FileResult, f: Finding, c: InstanceType<typeof Chalk>): string[] {
  const source = result.source;
  if (!source) return [];
  const text = printable(source.lineText(f.line));
  if (text.trim() === '') return [];
  // Long lines are cut to a window of 100 characters around the column.
  const from = text.length > 100 ? Math.max(0, Math.min(f.column - 40, text.length - 100)) : 0;
  const shown = `${from > 0 ? '...' : ''}${text.slice(from, from + 100)}${from + 100 < text.length ? '...' : ''}`;
  const column = f.column - from + (from > 0 ? 3 : 0);
  const width = f.endLine === f.line && f.endColumn > f.column ? f.endColumn - f.column : 1;
  const caretWidth = Math.max(1, Math.min(width, shown.length - column + 1));
  const gutter = String(f.line);
  return [
    c.dim(`    ${gutter} | `) + shown,
    c.dim(`    ${' '.repeat(gutter.length)} | `) + ' '.repeat(Math.max(0, column - 1)) + c.red('^'.repeat(caretWidth)),
  ];
}

export function stylish(results: FileResult[], options: FormatOptions): string {
  const c = new Chalk({ level: options.colorLevel });
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push(c.underline(printable(result.file)));
    for (const f of result.findings) {
      const severity = f.severity === 'error' ? c.red('error') : c.yellow('warning');
      // One line per finding, with nothing a terminal would act on, whatever a label quoted in it holds.
      out.push(`  ${c.dim(`${f.line}:${f.column}`)}  ${severity}  ${printable(f.message)}  ${c.dim(f.code)}`);
      out.push(...codeFrame(result, f, c));
    }
    out.push('');
  }
  const { errors, warnings } = count(results);
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const files = checkedWords(results);
  if (errors + warnings === 0) {
    out.push(c.green(`✔ ${results.length === 1 ? 'the map is' : `all ${files} are`} valid`));
  } else {
    const summary = `✖ ${counted(errors + warnings, 'problem')} (${counted(errors, 'error')}, ${counted(warnings, 'warning')}) in ${results.length === 1 ? 'the map' : `${withFindings} of ${files}`}`;
    out.push((errors > 0 ? c.red : c.yellow).bold(summary));
  }
  return `${out.join('\n')}\n`;
}
