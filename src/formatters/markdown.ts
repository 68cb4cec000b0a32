/** A summary fit for a pull-request comment or a GitHub job summary: the counts, then a table of the findings. */
import { counted } from '../core/index.js';
import { mdCode, mdText } from '../report/index.js';
import { docsUrl } from './docs.js';
import { checkedWords, count, type FileResult } from './types.js';

/** Comments have a size limit (65,536 characters on GitHub): the table stops here, saying how many it left out. */
const MAX_ROWS = 200;

export function markdown(results: FileResult[]): string {
  const { errors, warnings } = count(results);
  const maps = checkedWords(results);
  if (errors + warnings === 0) return `### cxmap check: ✔ ${maps} checked, no problems\n`;
  const withFindings = results.filter((r) => r.findings.length > 0).length;
  const head = `### cxmap check: ${errors ? `🔴 ${counted(errors, 'error')}` : '✔ no errors'}, ${counted(warnings, 'warning')} in ${withFindings} of ${maps}`;
  const rows = results.flatMap((r) =>
    r.findings.map(
      (f) =>
        `| ${mdCode(r.file, true)} | ${f.line}:${f.column} | ${f.severity === 'error' ? '🔴 error' : '🟡 warning'} | [${f.code}](${docsUrl(f.code)}) | ${mdText(f.message)} |`,
    ),
  );
  const shown = rows.slice(0, MAX_ROWS);
  return [
    head,
    '',
    '| Map | Line | Severity | Rule | Finding |',
    '| --- | --: | --- | --- | --- |',
    ...shown,
    ...(rows.length > shown.length
      ? ['', `…and ${rows.length - shown.length} more: run \`cxmap check\` to see them all.`]
      : []),
    '',
  ].join('\n');
}
