/**
 * Inline suppressions, each with its reason:
 *   # cxmap-disable-next-line max-handoffs, max-transfers -- regulated step
 * suppresses those rules' findings on the next line that holds YAML, and
 *   # cxmap-disable min-pce -- a regulated process: most of its time is statutory waiting
 * suppresses them in the whole file. A suppression without a reason or naming no rule is an error; one that
 * suppresses nothing is reported as `unused-suppression`. Validation errors cannot be suppressed.
 */
import { didYouMean, finding, type Finding, type Severity } from '../core/index.js';
import type { RuleMeta } from './meta.js';

export const unusedSuppression: RuleMeta = {
  id: 'unused-suppression',
  kind: 'suppression',
  description: 'A cxmap-disable comment that suppresses nothing: remove it, or fix its rule id.',
  recommended: 'warn',
};

const DIRECTIVE = /^(\s*)#\s*cxmap-disable(-next-line)?(?:\s+(.*?))?\s*$/;

interface Directive {
  line: number;
  column: number;
  /** The line it applies to; undefined for the whole file. */
  target?: number;
  rules: string[];
  used: Set<string>;
}

export function suppress(
  findings: Finding[],
  text: string,
  unused: Severity | undefined,
  known: readonly string[],
): Finding[] {
  const lines = text.split(/\r?\n/);
  const directives: Directive[] = [];
  const problems: Finding[] = [];
  lines.forEach((content, i) => {
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    const at = { line: i + 1, column: match[1]!.length + 1, endLine: i + 1, endColumn: content.length + 1 };
    const [list = '', reason] = (match[3] ?? '').split(/\s+--\s*|^--\s*/);
    const rules = list.split(/[\s,]+/).filter(Boolean);
    const unknown = rules.find((r) => !known.includes(r));
    if (rules.length === 0 || unknown !== undefined) {
      problems.push(
        finding(
          'bad-suppression',
          rules.length === 0
            ? 'a cxmap-disable comment names the rules it turns off: # cxmap-disable-next-line max-handoffs -- why'
            : `\`${unknown}\` is not a rule that can be turned off${didYouMean(unknown!, known)}`,
          at,
        ),
      );
      return;
    }
    if (!reason?.trim()) {
      problems.push(
        finding(
          'bad-suppression',
          `say why after --: # cxmap-disable${match[2] ?? ''} ${rules.join(', ')} -- the reason`,
          at,
        ),
      );
      return;
    }
    let target: number | undefined;
    if (match[2]) {
      target = i + 2;
      while (target <= lines.length && /^\s*(#.*)?$/.test(lines[target - 1]!)) target++;
    }
    directives.push({ ...at, target, rules, used: new Set() });
  });
  const kept = findings.filter((f) => {
    if (!known.includes(f.code)) return true;
    const by = directives.find((d) => d.rules.includes(f.code) && (d.target === undefined || d.target === f.line));
    by?.used.add(f.code);
    return by === undefined;
  });
  if (unused) {
    for (const d of directives) {
      const idle = d.rules.filter((r) => !d.used.has(r));
      if (idle.length > 0)
        problems.push(
          finding(
            'unused-suppression',
            `this suppression of ${idle.join(', ')} suppresses nothing${d.target ? ' on the next line' : ' in this file'}: remove it`,
            { line: d.line, column: d.column, endLine: d.line, endColumn: d.column },
            unused,
          ),
        );
    }
  }
  return [...kept, ...problems];
}
