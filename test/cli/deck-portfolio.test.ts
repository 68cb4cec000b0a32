/**
 * The deck of a portfolio (`cxmap deck <portfolio file>`), of examples/lifecycle/ with every step id marked `zq-`,
 * read with an XML parser: the portfolio's slides first (title, ranking, lifecycle strip, personas, programmes,
 * teams, matrix), then each journey's main part, one divider, the appendices; the ranking's cells are the figures
 * worked by hand in docs/scoring.md ("A portfolio ranked by hand": 161,490 / 148,589 / 31,487 customer days, GBP
 * 4,026,865 / 2,806,231 / 340,347 a year, dark time 10.68 / 5.12 / 3.72 d, lead time 17.94 / 12.38 / 13.12 d, shown
 * to a tenth); no id in any text or note; every text at 10 pt or more and every shape above the foot band (but the
 * slide's number, in it); the same bytes twice with SOURCE_DATE_EPOCH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DECK_FOOT } from '../../src/render/index.js';
import { cxmap } from '../helpers/cli.js';
import { markedIds } from '../helpers/maps.js';
import { reader, type Xml } from '../helpers/xml.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-deck-portfolio-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EMU = 914_400;
const BAND_TOP = (7.5 - DECK_FOOT / 72) * EMU;
const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const byNumber = (a: string, b: string) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]);
/** Every node under `key` anywhere in a parsed part. */
const nodes = (node: Xml, key: string): Xml[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([k, v]) => [
        ...(k === key ? all<Xml>(v) : []),
        ...all<Xml>(v as Xml).flatMap((x) => nodes(x, key)),
      ]);
const texts = (node: Xml): string[] => nodes(node, 'a:t').map(String);
const isSlideNumber = (sp: Xml) => sp['p:nvSpPr']?.['p:nvPr']?.['p:ph']?.['@_type'] === 'sldNum';

interface Read {
  titles: string[];
  slides: Xml[];
  notes: string[][];
}

async function read(bytes: Buffer): Promise<Read> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = (pattern: RegExp) =>
    Object.keys(zip.files)
      .filter((n) => pattern.test(n))
      .sort(byNumber);
  const xml = reader();
  const slides = await Promise.all(
    parts(/^ppt\/slides\/slide\d+\.xml$/).map(async (n) => xml.parse(await zip.file(n)!.async('string'))),
  );
  const titles = slides.map((s) =>
    nodes(s, 'p:sp')
      .filter((sp) => sp['p:nvSpPr']?.['p:nvPr']?.['p:ph']?.['@_type'] === 'title')
      .flatMap(texts)
      .join(''),
  );
  const notes = await Promise.all(
    parts(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map(async (n) =>
      texts(xml.parse(await zip.file(n)!.async('string'))),
    ),
  );
  return { titles, slides, notes };
}

let bytes: Buffer;
let deck: Read;
beforeAll(async () => {
  // The lifecycle's three maps with every step id marked, so that an id shown anywhere is seen.
  for (const file of readdirSync('examples/lifecycle')) {
    const text = readFileSync(join('examples/lifecycle', file), 'utf8');
    writeFileSync(join(dir, file), file.endsWith('.cxmap.yaml') ? markedIds(text) : text);
  }
  const write = (out: string) => {
    const run = cxmap(['deck', join(dir, 'cxmap.portfolio.yaml'), '-o', join(dir, out), '--runs', '500'], {
      env: { SOURCE_DATE_EPOCH: '1796558400' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return readFileSync(join(dir, out));
  };
  bytes = write('first.pptx');
  expect(bytes.equals(write('second.pptx'))).toBe(true);
  deck = await read(bytes);
}, 180_000);

describe('the deck of a portfolio', () => {
  it('opens with the portfolio, then each journey in lifecycle order, one divider and the appendices', () => {
    // 1 796 558 400 s after 1970: 6 December 2026, the date of the title slide.
    expect(deck.titles.slice(0, 7)).toEqual([
      'Home-loan customer lifecycle',
      'Complete the loan and move in costs customers the most: 161,490 customer days a year',
      'Customers feel bad or worse in 10 of the 13 stages of their 3 journeys',
      'Who we mapped: 2 personas across the 3 journeys',
      'One programme for Loan processing across 2 journeys: 4 changes that save 13,108 customer days a year together',
      'Underwriting carries the most work: 33,895 hours a year, GBP 1,898,103',
      '5 of the 17 changes across the journeys are quick wins; the best 13 drawn',
    ]);
    expect(texts(deck.slides[0])).toContain('6 December 2026');
    // Each journey's own main part opens with its title slide, in lifecycle order, before the one divider.
    const starts = ['Apply for a home loan', 'Complete the loan and move in', 'Get help with a payment'].map((t) =>
      deck.titles.indexOf(t),
    );
    const divider = deck.titles.indexOf('Appendix');
    expect(deck.titles.filter((t) => t === 'Appendix')).toHaveLength(1);
    expect(starts[0]).toBe(7);
    expect(starts[0]! < starts[1]! && starts[1]! < starts[2]! && starts[2]! < divider).toBe(true);
    // Each journey's main part within the rule of one map's deck: at most 14 slides.
    for (const [k, start] of starts.entries()) expect((starts[k + 1] ?? divider) - start).toBeLessThanOrEqual(14);
    // The appendix opens with every change across the journeys (on two slides: 17 rows).
    expect(deck.titles.slice(divider + 1, divider + 3)).toEqual([
      'Every change across the 3 journeys: 17, best first',
      'Every change across the 3 journeys: 17, best first (continued)',
    ]);
    // Every main title but the title slides' states its message with its figure.
    const main = deck.titles.slice(0, divider).filter((_, k) => k > 0 && !starts.includes(k));
    expect(main).toHaveLength(divider - 4);
    for (const title of main) expect(title).toMatch(/^[“A-Z0-9].*\d.*[^.]$/);
  });

  it('ranks the journeys with the figures worked by hand in docs/scoring.md', () => {
    const rows = nodes(deck.slides[1], 'a:tr').map((tr) => nodes(tr, 'a:tc').map((tc) => texts(tc).join('')));
    expect(rows).toEqual([
      ['Rank', 'Journey', 'Cases a year', 'Customer days a year', 'Cost a year', 'Dark time', 'Lead time', 'Targets'],
      [
        '1',
        'Complete the loan and move in',
        '9,000',
        '161,490',
        'GBP 4,026,865',
        '10.7 d',
        '17.9 d',
        'Lead time met on average, missed for First-time buyer; Success rate met',
      ],
      [
        '2',
        'Apply for a home loan',
        '12,000',
        '148,589',
        'GBP 2,806,231',
        '5.1 d',
        '12.4 d',
        'Lead time missed; Success rate met',
      ],
      [
        '3',
        'Get help with a payment',
        '2,400',
        '31,487',
        'GBP 340,347',
        '3.7 d',
        '13.1 d',
        'Lead time missed; Success rate met',
      ],
    ]);
  });

  it('names no id in any slide or note', () => {
    const all = [...deck.slides.flatMap(texts), ...deck.notes.flat()];
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter((t) => t.includes('zq-') || t.includes('`'))).toEqual([]);
    // Nor the personas' ids of the portfolio file.
    expect(all.filter((t) => /\b(first-timer|remortgager)\b/.test(t))).toEqual([]);
  });

  it('sets every text at 10 pt or more and keeps every shape above the foot band but the slide number', () => {
    let sized = 0;
    let placed = 0;
    for (const [k, slide] of deck.slides.entries()) {
      const shapes = [...nodes(slide, 'p:sp'), ...nodes(slide, 'p:graphicFrame')].filter((sp) => !isSlideNumber(sp));
      const sizes = shapes.flatMap((sp) => [
        ...nodes(sp, 'a:rPr'),
        ...nodes(sp, 'a:endParaRPr'),
        ...nodes(sp, 'a:defRPr'),
      ]);
      for (const s of sizes.filter((s) => s['@_sz'] !== undefined)) {
        sized++;
        expect(Number(s['@_sz']), `slide ${k + 1}: ${deck.titles[k]}`).toBeGreaterThanOrEqual(1000);
      }
      for (const sp of shapes) {
        const xfrm = sp['p:spPr']?.['a:xfrm'] ?? sp['p:xfrm'];
        if (!xfrm) continue;
        placed++;
        expect(Number(xfrm['a:off']['@_y']) + Number(xfrm['a:ext']['@_cy']), `slide ${k + 1}`).toBeLessThanOrEqual(
          BAND_TOP + 1,
        );
      }
    }
    expect(sized).toBeGreaterThan(5000);
    expect(placed).toBeGreaterThan(2000);
  });

  it("draws the lifecycle strip as shapes: every journey's name, every stage, a dot per recorded feeling", () => {
    const strip = texts(deck.slides[2]);
    for (const name of ['Apply for a home loan', 'Complete the loan and move in', 'Get help with a payment'])
      expect(strip).toContain(name);
    for (const stage of ['Enquire', 'Legal work', 'Move in', 'Reach out', 'Agree']) expect(strip).toContain(stage);
    // Instruct records no feeling: said in words, not drawn as a neutral dot.
    expect(strip.filter((t) => t === 'not recorded')).toHaveLength(1);
    expect(deck.notes[2]!.join('\n')).toContain(
      'It hands the customer on to Complete the loan and move in: from Accept the offer online to Instruct the valuer and the conveyancer.',
    );
  });
});

describe('cxmap deck of a portfolio, refused', () => {
  it('takes the portfolio file alone: with another map or --to-be it is a usage error (exit 2), no deck', () => {
    const out = join(dir, 'refused.pptx');
    const portfolio = join(dir, 'cxmap.portfolio.yaml');
    const message = `cxmap: ${portfolio} is a portfolio: its deck takes the portfolio file alone, without other maps or --to-be\n`;
    for (const extra of [['examples/home-loan.cxmap.yaml'], ['--to-be', 'examples/home-loan.cxmap.yaml']]) {
      const run = cxmap(['deck', portfolio, ...extra, '-o', out]);
      expect([run.status, run.stderr]).toEqual([2, message]);
    }
    expect(readdirSync(dir)).not.toContain('refused.pptx');
  });

  it("writes the portfolio's findings and no deck when a journey is missing (exit 1)", () => {
    const file = join(dir, 'missing.portfolio.yaml');
    writeFileSync(
      file,
      'portfolio: 1\nname: Missing\njourneys: [apply.cxmap.yaml, gone.cxmap.yaml]\nactors: {}\nchannels: {}\npersonas: {}\n',
    );
    const run = cxmap(['deck', file, '-o', join(dir, 'missing.pptx')]);
    expect(run.status).toBe(1);
    // At the entry of the missing map: line 3, column 30.
    expect(run.stdout).toContain(
      'missing.portfolio.yaml\n  3:30  error  there is no map gone.cxmap.yaml beside the portfolio  unknown-journey\n',
    );
    expect(readdirSync(dir)).not.toContain('missing.pptx');
  });
});
