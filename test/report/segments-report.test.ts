/**
 * Segments in the report and the deck, on the hand-worked example of docs/scoring.md ("Segments"):
 * test/fixtures/segments.cxmap.yaml, first-time buyers (60%) as written, re-mortgagers (40%) with a wait of 1 d for
 * the check and a 10% chance of sending what is missing. Lead times: 58.35 h = 2.4 d and 29.45 h = 1.2 d, blended
 * 46.79 h = 1.9 d; the difference 28.9 h = 1.2 d. The percentiles of the blend are 51 h (2.1 d) and 75.5 h (3.1 d),
 * a re-mortgager's p50 and p85 27 h (1.1 d) and p95 51.5 h (2.1 d); every other figure is worked in docs/scoring.md.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, analyzeSegments } from '../../src/analysis/index.js';
import { loadText } from '../../src/load/index.js';
import { deckStory, segmentsDiffer } from '../../src/report/index.js';
import { opportunities } from '../../src/rules/index.js';
import { cxmap } from '../helpers/cli.js';
import { markedIds } from '../helpers/maps.js';
import { pptxParts, reader, type Xml } from '../helpers/xml.js';

const FIXTURE = 'test/fixtures/segments.cxmap.yaml';
const dir = mkdtempSync(join(tmpdir(), 'cxmap-segments-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rows of the figures, as `cxmap score` shows them for this map: the blend, first-time, re-mortgage. */
const ROWS = [
  ['Lead time', '1.9 d', '2.4 d', '1.2 d'],
  ['Lead time p50', '2.1 d', '2.1 d', '1.1 d'],
  ['Lead time p85', '3.1 d', '3.1 d', '1.1 d'],
  ['Lead time p95', '3.1 d', '3.1 d', '2.1 d'],
  ['Simulated mean lead time', '1.9 d', '2.4 d', '1.2 d'],
  ['Process time', '3 h 7 m', '3 h 9 m', '3 h 3 m'],
  ['Value-added time', '1 h', '1 h', '1 h'],
  ['PCE', '2.1%', '1.7%', '3.4%'],
  ['Activity ratio', '6.6%', '5.4%', '10.4%'],
  ['Wait share', '93.4%', '94.6%', '89.6%'],
  ['Rolled %C&A', '100.0%', '100.0%', '100.0%'],
  ['Lead time to the goal', '1.9 d', '2.4 d', '1.2 d'],
  ['Success rate', '100.0%', '100.0%', '100.0%'],
  ["Customer's own work", '1 h 7 m', '1 h 9 m', '1 h 3 m'],
  ['Dark time', '0', '0', '0'],
  ['Channel switches', '0', '0', '0'],
  ['Repeat contacts', '0.22', '0.30', '0.10'],
  ['Transfers', '0', '0', '0'],
  ['Handoffs', '0.78', '0.70', '0.90'],
  ['Items asked again', '0', '0', '0'],
  ['Rework loops', '–', '0', '0'],
  ['People and systems met', '–', '1', '1'],
  ['Cost to serve a case', 'EUR 140', 'EUR 140', 'EUR 140'],
  ['Staff hours a year', '2,000', '1,200', '800'],
  ['Cost a year', 'EUR 140,000', 'EUR 84,000', 'EUR 56,000'],
  ['Customer days a year', '1,950', '1,459', '490.83'],
  ["Customers' own hours a year", '1,110', '690', '420'],
];
const HEAD = ['Blend', 'First-time buyer (60.0%)', 'Re-mortgager (40.0%)'];

describe('segments in the report', () => {
  it('adds a Segments section after the scorecard: where they differ most, the table of cxmap score, the personas', () => {
    const r = cxmap(['report', FIXTURE, '-f', 'md', '-o', dir]);
    expect(r.status).toBe(0);
    const md = readFileSync(join(dir, 'segments.report.md'), 'utf8');
    const section = md.slice(md.indexOf('## Segments\n'), md.indexOf('## Where the time goes\n'));
    expect(section).toBe(
      [
        '## Segments',
        '',
        'First-time buyer has the longest lead time, 2.4 d: 1.2 d longer than Re-mortgager (1.2 d).',
        '',
        `| Metric | ${HEAD.join(' | ')} |`,
        '| --- | --: | --: | --: |',
        ...ROWS.map((row) => `| ${row.join(' | ').replace('%C&A', '%C\\&A')} |`),
        '',
        'The blend: additive figures weighted by share, ratios recomputed from the blended figures, percentiles from one simulation of all segments together (docs/scoring.md, "Segments"). The executive summary, the scorecard, the savings of the opportunities and the checks are the blend; the steps and the diagrams are those of the map as written, before what differs for each segment.',
        '',
        '',
      ].join('\n'),
    );
    // After the scorecard, the section of the map as written.
    expect(md.indexOf('## Scorecard\n')).toBeLessThan(md.indexOf('## Segments\n'));
  });

  it('shows the same figures as the table of cxmap score', () => {
    const score = cxmap(['score', FIXTURE, '--no-color']).stdout;
    for (const row of ROWS) expect(score).toMatch(new RegExp(`\\n  ${row.map(escape).join(' +')}\\n`));
    expect(ROWS).toHaveLength(27);
  });

  it('gives segments and the blended metrics in the JSON exactly as cxmap score does', () => {
    expect(cxmap(['report', FIXTURE, '-f', 'json', '-o', dir]).status).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'segments.report.json'), 'utf8')) as Record<string, unknown>;
    const score = JSON.parse(cxmap(['score', FIXTURE, '-f', 'json']).stdout) as Record<string, unknown>;
    expect(report.segments).toEqual(score.segments);
    expect(report.metrics).toEqual(score.metrics);
    expect((report.segments as { id: string; persona: string | null }[]).map((s) => [s.id, s.persona])).toEqual([
      ['first-time', null],
      ['remortgage', 'remortgager'],
    ]);
  });

  it('leaves a map without segments as it was: no section, no segments in the JSON', () => {
    expect(cxmap(['report', 'examples/home-loan.cxmap.yaml', '-f', 'md', '-o', dir]).status).toBe(0);
    expect(readFileSync(join(dir, 'home-loan.report.md'), 'utf8')).not.toContain('## Segments');
    expect(cxmap(['report', 'examples/home-loan.cxmap.yaml', '-f', 'json', '-o', dir]).status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'home-loan.report.json'), 'utf8')) as object)).not.toContain(
      'segments',
    );
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** Every `a:t` under a node, in order. */
const runs = (node: Xml): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([key, value]) =>
        key === 'a:t' ? all(value).map(String) : all(value as Xml).flatMap(runs),
      );
const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);

describe('segments in the deck', () => {
  it(
    'names the segments in the notes of the executive summary, and sets them side by side in the appendix, without an id',
    { timeout: 120_000 },
    async () => {
      // Every step, segment and persona id marked, so that one shown anywhere is seen.
      const map = join(dir, 'segments.cxmap.yaml');
      writeFileSync(
        map,
        markedIds(readFileSync(FIXTURE, 'utf8'))
          .replace(/\b(first-time|remortgage):/g, 'zq-$1:')
          .replace('persona: remortgager', 'persona: zq-remortgager'),
      );
      const out = join(dir, 'segments.pptx');
      const run = cxmap(['deck', map, '-o', out, '--date', '6 December 2026']);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const parts = await pptxParts(readFileSync(out));
      const xml = reader(['p:sp', 'a:p', 'a:r', 'a:tr', 'a:tc']);
      const names = (pattern: RegExp) =>
        [...parts.keys()].filter((n) => pattern.test(n)).sort((a, b) => slideNumber(a) - slideNumber(b));
      const slides = names(/^ppt\/slides\/slide\d+\.xml$/).map((n) => xml.parse(parts.get(n)!));
      const notes = names(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((n) => runs(xml.parse(parts.get(n)!)));
      const titles = slides.map((s) =>
        all<Xml>(s['p:sld']['p:cSld']['p:spTree']['p:sp'])
          .filter((sp) => sp['p:nvSpPr']['p:nvPr']?.['p:ph']?.['@_type'] === 'title')
          .flatMap(runs)
          .join(''),
      );
      for (const text of [...slides.flatMap(runs), ...notes.flat()]) expect(text).not.toContain('zq-');
      const divider = titles.indexOf('Appendix');
      expect(divider).toBeGreaterThan(0);
      expect(divider).toBeLessThanOrEqual(14);

      // The executive summary (the second slide) says on the slide that its figures are the blend, and of what.
      expect(runs(slides[1])).toContain(
        'the figures above are the blend of 2 segments: First-time buyer (60%) 2.4 days; Re-mortgager (40%) 1.2 days',
      );
      // The executive summary's notes name each segment with its lead time.
      const summary = notes[1]!.join('\n');
      expect(summary).toContain(
        [
          'Its customers come in segments, each with its own lead time; every figure of the main slides is the blend of them, weighted by their shares:',
          '- First-time buyer (60% of customers): 2.4 days.',
          '- Re-mortgager (40% of customers): 1.2 days.',
          '- All segments together: 1.9 days. Every figure side by side is in the appendix.',
        ].join('\n'),
      );

      // The proposals' notes: what the change does for each segment, beside the blend on the slide. The wait before
      // the check, cut by 25-50%: 12-24 h of the first-time buyers' 2 d, for 600 cases a year = 300-600 customer
      // days; 6-12 h of the re-mortgagers' 1 d, for 400 cases = 100-200.
      const lines = notes.flatMap((n) => n.join('\n').split('\n'));
      expect(lines.filter((line) => line.includes('Saved per segment'))).toEqual([
        "1. Cut the wait before “Check the application” (2.0 d now): the customer waits 2.0 d before “Check the application”: 82% of the lead time; it is a queue for Loan clerk's capacity (the map gives no other kind of wait), which working faster or adding capacity cuts. It assumes the wait cut by 25-50% (our assumption). Saved per segment (the slide gives the blend): First-time buyer (60%): lead time −12 h to −1.0 d; saved a year: customer days 300 to 600. Re-mortgager (40%): lead time −6 to −12 h; saved a year: customer days 100 to 200.",
      ]);

      // The appendix slide, once, after the divider: its title a sentence with the figures, its table every figure.
      const at = titles.indexOf('The segments side by side: First-time buyer takes 2.4 days, Re-mortgager 1.2 days');
      expect(at).toBeGreaterThan(divider);
      // 27 rows do not fit one slide: the printer goes on to a continuation slide under the same heading.
      const title = titles[at]!;
      expect(titles.filter((t) => t.startsWith('The segments side by side'))).toEqual([title, `${title} (continued)`]);
      expect(titles[at + 1]).toBe(`${title} (continued)`);
      const [first, next] = [tablesOf(slides[at]), tablesOf(slides[at + 1])];
      expect(first).toHaveLength(1);
      expect(next).toHaveLength(1);
      expect(first[0]![0]).toEqual(['Figure', ...HEAD]);
      expect(next[0]![0]).toEqual(['Figure', ...HEAD]);
      expect([...first[0]!.slice(1), ...next[0]!.slice(1)]).toEqual(ROWS);
      expect(notes[at]!.join('\n').split('\n')[0]).toBe(
        'First-time buyer has the longest lead time, 2.4 d: 1.2 d longer than Re-mortgager (1.2 d).',
      );
    },
  );
});

/** The tables of a slide, each as rows of cell texts. */
function tablesOf(node: Xml): string[][][] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'a:tbl'
      ? all<Xml>(value).map((tbl) =>
          all<Xml>(tbl['a:tr']).map((tr) => all<Xml>(tr['a:tc']).map((tc) => runs(tc).join(''))),
        )
      : all(value as Xml).flatMap(tablesOf),
  );
}

/**
 * A map of four segments that differ in the wait for the check: A and D as written, 1 h of work and 2 d of wait and
 * 1 h of work, 50 h = 2.1 d; B waits 1 d, 26 h = 1.1 d; C waits 3 d, 74 h = 3.1 d. C is longest, B shortest, by 48 h.
 */
const FOUR = `cxmap: 1
process: { name: Apply, customer: Buyer, goal: A decision }
actors:
  buyer: { kind: customer, name: Buyer }
  clerk: { kind: backstage, name: Clerk }
segments:
  a: { name: Segment A, share: 40% }
  b: { name: Segment B, share: 30% }
  c: { name: Segment C, share: 20% }
  d: { name: Segment D, share: 10% }
steps:
  - { id: apply, name: Apply, actor: buyer, work: 1h, next: check }
  - { id: check, name: Check, actor: clerk, wait: 2d, work: 1h, for: { b: { wait: 1d }, c: { wait: 3d } } }
`;

function storyOf(text: string) {
  const { map } = loadText(text, 'four.cxmap.yaml');
  const analysis = analyze(map!, { runs: 200 });
  const segments = analyzeSegments(map!, { runs: 200 });
  return {
    analysis,
    segments,
    story: deckStory({ analysis, ranking: opportunities(analysis), segments, date: '6 December 2026' }),
  };
}

describe('segments of more than two', () => {
  it('names the longest and the shortest, and gives the range of lead times in the title of more than three', () => {
    const { analysis, segments, story } = storyOf(FOUR);
    expect(segmentsDiffer(analysis, segments)).toBe(
      'Segment C has the longest lead time, 3.1 d: 2.0 d longer than Segment B, the shortest (1.1 d).',
    );
    expect(
      story.appendix.flatMap((s) => (s.kind === 'table' && s.title.startsWith('The segments') ? [s.title] : [])),
    ).toEqual(['The segments side by side: from 1.1 days for Segment B to 3.1 days for Segment C']);
  });

  it('says so when every segment takes the same lead time', () => {
    const { analysis, segments } = storyOf(FOUR.replace(/, for: \{.*\} \}/, ' }'));
    expect(segmentsDiffer(analysis, segments)).toBe('Every segment takes the same lead time, 2.1 d.');
  });
});
