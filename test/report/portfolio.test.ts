/** The portfolio's ranking: customer days a year first, then cost a year (a journey without one after), then dark time. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { opportunities } from '../../src/rules/index.js';
import { portfolioModel } from '../../src/report/index.js';
import { portfolioText } from '../../src/workflows/index.js';
import { mapOf } from '../helpers/analyze.js';
import { xmlProblem } from '../helpers/xml.js';

/**
 * One journey: the customer asks, the desk takes the case after a day, then answers after two more; volume 1,000 a
 * year; `process` adds to the process.
 */
const journey = (name: string, desk: string, process = '') =>
  mapOf(`cxmap: 1
process: { name: ${name}, customer: C, goal: G, volume: 1000/y, currency: EUR${process} }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk${desk} }
steps:
  - { id: ask, name: Ask, actor: me, channel: web, work: 1h, next: take }
  - { id: take, name: Take the case, actor: desk, wait: 1d, next: answer }
  - { id: answer, name: Answer, actor: desk, channel: web, wait: 2d, work: 1h }
`);

const model = (...maps: ReturnType<typeof journey>[]) =>
  portfolioModel(
    'P',
    'p.yaml',
    maps.map((map, i) => {
      const analysis = analyze(map, { runs: 200 });
      return { file: `${i}.cxmap.yaml`, analysis, ranking: opportunities(analysis) };
    }),
  );

describe('the ranking of journeys', () => {
  it('breaks a tie in customer days by the cost a year, a journey without a cost after those with one', () => {
    // Each: lead time 1h + 1d + 2d + 1h = 74 h; × 1,000 = 3,083.333 customer days a year. Cost a year: 1 h × 60 or 70 ×
    // 1,000 = 60,000 and 70,000; the third gives no cost (its desk has none).
    const m = model(journey('Cheap', ', cost: 60/h'), journey('Dear', ', cost: 70/h'), journey('Uncosted', ''));
    expect(m.journeys.map((j) => [j.name, j.rank, (j.score.metrics.yearly as { cost: number | null }).cost])).toEqual([
      ['Cheap', 2, 60000],
      ['Dear', 1, 70000],
      ['Uncosted', 3, null],
    ]);
    expect(m.order).toEqual([1, 0, 2]);
  });

  it('then by dark time: the journey whose customers are left without news longer first', () => {
    // Same customer days and cost. Each wait is dark beyond `darkAfter`: by default one day, so 0 + (2d - 1d) = 1 d;
    // with `darkAfter: 12h`, (1d - 12h) + (2d - 12h) = 2 d.
    const m = model(journey('Patient', ', cost: 60/h'), journey('Anxious', ', cost: 60/h', ', darkAfter: 12h'));
    expect(m.journeys.map((j) => [j.name, j.rank, j.score.metrics.darkTimeSeconds])).toEqual([
      ['Patient', 2, 86400],
      ['Anxious', 1, 172800],
    ]);
  });
});

describe('the lifecycle strip in the report', () => {
  it('is drawn in the HTML above the lifecycle table, an arrow at each hand-on; the Markdown keeps the table alone', () => {
    const m = model(journey('Apply', ''), journey('Move in', ''), journey('Get help', ''));
    const html = portfolioText(m, 'html');
    const section = html.slice(html.indexOf('The lifecycle</h2>'), html.indexOf('Opportunities across journeys</h2>'));
    const strip = /<svg[\s\S]*?<\/svg>/.exec(section)?.[0] ?? '';
    expect(xmlProblem(strip)).toBeUndefined();
    // Three journeys, two hand-ons; the journeys' one stage each (the map names none: its steps' stage is the map's).
    expect(strip.match(/data-role="hand-on"/g)).toHaveLength(2);
    expect(
      strip.match(/data-role="journey"[^>]*>([^<]*)</g)?.map((t) => t.replace(/.*>/, '').replace('<', '')),
    ).toEqual(['Apply', 'Move in', 'Get help']);
    expect(section.indexOf('<svg')).toBeLessThan(section.indexOf('<table'));
    expect(portfolioText(m, 'md')).not.toContain('<svg');
  });
});
