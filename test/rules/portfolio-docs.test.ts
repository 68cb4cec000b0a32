/**
 * The pages of the portfolio's rules (docs/rules/portfolio-*.md) are true: each example is a portfolio and its maps,
 * one YAML block a file (its first line names it); the rule, at its default option, finds the Bad portfolio (exactly
 * what the page says) and not the Good one; against the page's Before portfolio when it has one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPortfolio } from '../../src/load/index.js';
import { CHECK_RULES, checkPortfolio, portfolioFacts, type Setting } from '../../src/rules/check.js';

/** The portfolio of a page's section, written to a folder of its own and loaded; every file must load. */
function load(doc: string, heading: string) {
  const section = new RegExp(`^## ${heading}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(doc);
  expect(section, `a ${heading} example`).not.toBeNull();
  const dir = mkdtempSync(join(tmpdir(), 'cxmap-rule-doc-'));
  const blocks = [...section![1]!.matchAll(/^```yaml\n# (\S+)\n([\s\S]*?)^```$/gm)];
  expect(blocks.map((b) => b[1])).toContain('cxmap.portfolio.yaml');
  for (const [, file, text] of blocks) writeFileSync(join(dir, file!), `# ${file}\n${text}`);
  const loaded = loadPortfolio(join(dir, 'cxmap.portfolio.yaml'));
  expect(loaded.findings).toEqual([]);
  for (const j of loaded.journeys) expect(j.findings, j.file).toEqual([]);
  return loaded;
}

/** The rule's messages, at its default option, with their line and column in the portfolio file. */
function findings(id: string, heading: 'Bad' | 'Good'): string[] {
  const doc = readFileSync(`docs/rules/${id}.md`, 'utf8');
  const rule = CHECK_RULES.find((r) => r.id === id)!;
  const before = doc.includes('\n## Before\n') ? portfolioFacts(load(doc, 'Before')) : undefined;
  const settings = new Map<string, Setting>([[id, { severity: 'warning', option: rule.option?.default }]]);
  return checkPortfolio(load(doc, heading), settings, { baseline: before, ref: 'main' })
    .filter((f) => f.code === id)
    .map((f) => `${f.line}:${f.column} ${f.message}`);
}

describe('the pages of the portfolio rules', () => {
  it('lists every portfolio rule', () => {
    expect(CHECK_RULES.filter((r) => r.kind === 'portfolio').map((r) => r.id)).toEqual([
      'portfolio-max-handoffs',
      'portfolio-no-growth',
      'portfolio-require-volume',
      'portfolio-require-targets',
      'portfolio-one-currency',
    ]);
  });

  it('portfolio-max-handoffs: opening an account hands the work on 6 times, more than the 5 allowed', () => {
    // back office → operations → core system → back office → core system → operations → branch desk: 6 moves.
    expect(findings('portfolio-max-handoffs', 'Bad')).toEqual([
      '4:12 the work of Open an account (open.cxmap.yaml) changes hands 6 times per customer, more than the 5 the portfolio allows',
    ]);
    expect(findings('portfolio-max-handoffs', 'Good')).toEqual([]);
  });

  it('portfolio-no-growth: 10,000 days a year saved in opening, 12,000 more in closing: +2,000', () => {
    // Before: opening 20m + 1d 30m = 24 h 50 m for 12,000 (12,416.667 days), closing 10m + 1d 15m = 24 h 25 m for
    // 3,000 (3,052.083 days): 15,468.75. After: opening loses 20 h (−10,000 days), closing gains 4 d (+12,000).
    expect(findings('portfolio-no-growth', 'Bad')).toEqual([
      '3:7 the customer days a year of the journeys of Account lifecycle grew from 15,469 at main to 17,469: +2,000 (+12.9%); none allowed',
    ]);
    expect(findings('portfolio-no-growth', 'Good')).toEqual([]);
  });

  it('portfolio-require-volume: closing an account gives no volume', () => {
    expect(findings('portfolio-require-volume', 'Bad')).toEqual([
      "4:29 Close an account (close.cxmap.yaml) gives no volume (process.volume, cases a year): it is not ranked, and its customer days, cost and team hours count in none of the portfolio's totals",
    ]);
    expect(findings('portfolio-require-volume', 'Good')).toEqual([]);
  });

  it('portfolio-require-targets: closing an account sets no targets', () => {
    expect(findings('portfolio-require-targets', 'Bad')).toEqual([
      '4:29 Close an account (close.cxmap.yaml) sets no targets (process.targets: leadTime, pce or successRate): the portfolio cannot say whether it meets them',
    ]);
    expect(findings('portfolio-require-targets', 'Good')).toEqual([]);
  });

  it('portfolio-one-currency: closing an account in GBP, opening one in EUR', () => {
    expect(findings('portfolio-one-currency', 'Bad')).toEqual([
      '4:29 Close an account (close.cxmap.yaml) gives its amounts in GBP, Open an account (open.cxmap.yaml) in EUR: no cost is added up across journeys in different currencies',
    ]);
    expect(findings('portfolio-one-currency', 'Good')).toEqual([]);
  });
});
