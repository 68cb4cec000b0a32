/**
 * Persona cards: the report's section "Who the customers are" (Markdown, exact text), its JSON, and the deck's
 * slide "Who we mapped" read from the PPTX with an XML parser (its texts, no id, every text at 10 pt or more, every
 * shape above the foot band). The map is test/fixtures/segments.cxmap.yaml with the first-time buyers' segment
 * naming a persona too, beside a cxmap.config.yaml that defines both; the commands run in that folder, where they
 * find the configuration.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/index.js';
import { CARD_SIZES, personaCards } from '../../src/report/index.js';
import { DECK_FOOT } from '../../src/render/index.js';
import { cxmap, ROOT } from '../helpers/cli.js';
import { pptxParts, reader, type Xml } from '../helpers/xml.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-personas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAP = readFileSync(join(ROOT, 'test/fixtures/segments.cxmap.yaml'), 'utf8').replace(
  'first-time: { name: First-time buyer, share: 60% }',
  'first-time: { name: First-time buyer, share: 60%, persona: first-buyer }',
);
const CONFIG = `extends: recommended
personas:
  first-buyer:
    name: Tom, buying his first home
    description: Renting with his partner; an offer on a flat has been accepted and the seller wants a date.
    goals: [Get the keys before the lease runs out]
    needs: [Plain words about what happens next]
    pains: [Jargon, Not knowing how long each check takes]
    quote: Nobody tells me whether we are on track.
  remortgager:
    name: Rita, re-mortgaging
    description: Owns her home; her fixed rate ends in three months.
    goals: [A better rate before the fixed rate ends]
    pains: [Sending the same papers again, Silence after she has applied]
    quote: I have banked with you for twelve years; why do you need my payslips again?
`;
writeFileSync(join(dir, 'loan.cxmap.yaml'), MAP);
writeFileSync(join(dir, 'cxmap.config.yaml'), CONFIG);
const run = (args: string[]) => cxmap(args, { cwd: dir });

describe('persona cards in the report', () => {
  it('puts a card per persona under "Who the customers are", after the scorecard and before the segments', () => {
    const r = run(['report', 'loan.cxmap.yaml', '-f', 'md', '-o', 'out', '--runs', '500']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const md = readFileSync(join(dir, 'out/loan.report.md'), 'utf8');
    expect(md.slice(md.indexOf('## Who the customers are\n'), md.indexOf('## Segments\n'))).toBe(
      [
        '## Who the customers are',
        '',
        '### Tom, buying his first home',
        '',
        'Renting with his partner; an offer on a flat has been accepted and the seller wants a date.',
        '',
        'Stands for First-time buyer, 60% of the customers.',
        '',
        '- Goals: Get the keys before the lease runs out',
        '- Needs: Plain words about what happens next',
        '- Pains: Jargon; Not knowing how long each check takes',
        '',
        '“Nobody tells me whether we are on track.”',
        '',
        '### Rita, re-mortgaging',
        '',
        'Owns her home; her fixed rate ends in three months.',
        '',
        'Stands for Re-mortgager, 40% of the customers.',
        '',
        // No needs given: no line for them.
        '- Goals: A better rate before the fixed rate ends',
        '- Pains: Sending the same papers again; Silence after she has applied',
        '',
        '“I have banked with you for twelve years; why do you need my payslips again?”',
        '',
        '',
      ].join('\n'),
    );
    expect(md.indexOf('## Scorecard\n')).toBeLessThan(md.indexOf('## Who the customers are\n'));
  });

  it('gives the cards in the JSON, with the segments each stands for', () => {
    expect(run(['report', 'loan.cxmap.yaml', '-f', 'json', '-o', 'out', '--runs', '500']).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/loan.report.json'), 'utf8')) as { personas: unknown };
    expect(json.personas).toEqual([
      {
        id: 'first-buyer',
        name: 'Tom, buying his first home',
        description: 'Renting with his partner; an offer on a flat has been accepted and the seller wants a date.',
        goals: ['Get the keys before the lease runs out'],
        needs: ['Plain words about what happens next'],
        pains: ['Jargon', 'Not knowing how long each check takes'],
        quote: 'Nobody tells me whether we are on track.',
        share: 0.6,
        segments: [{ id: 'first-time', name: 'First-time buyer', share: 0.6 }],
      },
      {
        id: 'remortgager',
        name: 'Rita, re-mortgaging',
        description: 'Owns her home; her fixed rate ends in three months.',
        goals: ['A better rate before the fixed rate ends'],
        needs: [],
        pains: ['Sending the same papers again', 'Silence after she has applied'],
        quote: 'I have banked with you for twelve years; why do you need my payslips again?',
        share: 0.4,
        segments: [{ id: 'remortgage', name: 'Re-mortgager', share: 0.4 }],
      },
    ]);
  });

  it('makes a card of process.persona for every customer, once however often it is named, none for an unknown one', () => {
    const map = loadText(
      MAP.replace('  currency: EUR\n', '  currency: EUR\n  persona: remortgager\n').replace(
        'persona: first-buyer',
        'persona: first-buyr',
      ),
      'x.cxmap.yaml',
    ).map!;
    const personas = { remortgager: { name: 'Rita' }, 'first-buyer': { name: 'Tom' } };
    expect(personaCards(map, personas).map((c) => [c.id, c.share, c.segments.map((s) => s.id)])).toEqual([
      ['remortgager', 0.4, ['remortgage']],
    ]);
    const whole = loadText(
      MAP.replace('  currency: EUR\n', '  currency: EUR\n  persona: first-buyer\n').replace(/, persona: \w[\w-]*/g, ''),
      'x.cxmap.yaml',
    ).map!;
    expect(personaCards(whole, personas).map((c) => [c.id, c.share, c.segments])).toEqual([['first-buyer', 1, []]]);
  });

  it('leaves a map that names no persona as it was: no section, no personas in the JSON', () => {
    writeFileSync(join(dir, 'plain.cxmap.yaml'), MAP.replace(/, persona: [\w-]+/g, ''));
    expect(run(['report', 'plain.cxmap.yaml', '-f', 'md', '-o', 'out', '--runs', '500']).status).toBe(0);
    expect(readFileSync(join(dir, 'out/plain.report.md'), 'utf8')).not.toContain('Who the customers are');
    expect(run(['report', 'plain.cxmap.yaml', '-f', 'json', '-o', 'out', '--runs', '500']).status).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'out/plain.report.json'), 'utf8')) as object)).not.toContain(
      'personas',
    );
  });
});

const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** Every `a:t` under a node, in order. */
const runs = (node: Xml): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([key, value]) =>
        key === 'a:t' ? all(value).map(String) : all(value as Xml).flatMap(runs),
      );
/** Every value of the attribute `name` under a node. */
const attributes = (node: Xml, name: string): string[] =>
  typeof node !== 'object' || node === null
    ? []
    : Object.entries(node).flatMap(([key, value]) =>
        key === name ? [String(value)] : all(value as Xml).flatMap((v) => attributes(v, name)),
      );
const slideNumber = (name: string) => Number(/(\d+)\.xml$/.exec(name)![1]);
const EMU = 914400;

/** The deck's slides and notes, parsed, in order; each slide's title. */
async function deckOf(file: string) {
  const parts = await pptxParts(readFileSync(file));
  const xml = reader(['p:sp', 'a:p', 'a:r']);
  const names = (pattern: RegExp) =>
    [...parts.keys()].filter((n) => pattern.test(n)).sort((a, b) => slideNumber(a) - slideNumber(b));
  const slides = names(/^ppt\/slides\/slide\d+\.xml$/).map((n) => xml.parse(parts.get(n)!));
  const notes = names(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map((n) => runs(xml.parse(parts.get(n)!)).join(''));
  const shapes = (s: Xml) => all<Xml>(s['p:sld']['p:cSld']['p:spTree']['p:sp']);
  const isTitle = (sp: Xml) => sp['p:nvSpPr']['p:nvPr']?.['p:ph']?.['@_type'] === 'title';
  return {
    slides,
    notes,
    titles: slides.map((s) => shapes(s).filter(isTitle).flatMap(runs).join('')),
    /** The body of a slide: its shapes other than placeholders (the title, the slide number). */
    body: (s: Xml) => shapes(s).filter((sp) => sp['p:nvSpPr']['p:nvPr']?.['p:ph'] === undefined),
  };
}

describe('persona cards in the deck', () => {
  it(
    'adds "Who we mapped" after the executive summary: the cards as text, 10 pt or more, above the foot band',
    { timeout: 120_000 },
    async () => {
      const r = run(['deck', 'loan.cxmap.yaml', '-o', 'loan.pptx', '--runs', '500', '--date', '6 December 2026']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const deck = await deckOf(join(dir, 'loan.pptx'));
      expect(deck.titles[2]).toBe('Who we mapped: Tom, buying his first home (60%) and Rita, re-mortgaging (40%)');
      expect(deck.titles.indexOf('Appendix')).toBeLessThanOrEqual(14);
      const body = deck.body(deck.slides[2]);
      // Two boxes and two texts, one of each per card.
      expect(body).toHaveLength(4);
      const texts = body.map((sp) => all<Xml>(sp['p:txBody']?.['a:p']).map((p) => runs(p).join('')));
      expect(texts.filter((t) => t.some(Boolean))).toEqual([
        [
          'Tom, buying his first home',
          'First-time buyer, 60% of the customers',
          'Renting with his partner; an offer on a flat has been accepted and the seller wants a date.',
          'Goals: Get the keys before the lease runs out',
          'Needs: Plain words about what happens next',
          'Pains: Jargon; Not knowing how long each check takes',
          '“Nobody tells me whether we are on track.”',
        ],
        [
          'Rita, re-mortgaging',
          'Re-mortgager, 40% of the customers',
          'Owns her home; her fixed rate ends in three months.',
          'Goals: A better rate before the fixed rate ends',
          'Pains: Sending the same papers again; Silence after she has applied',
          '“I have banked with you for twelve years; why do you need my payslips again?”',
        ],
      ]);
      // Every size on the slide's body at 10 pt or more (sz is in hundredths of a point); here the largest fits.
      const sizes = body.flatMap((sp) => attributes(sp, '@_sz')).map(Number);
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBe(100 * CARD_SIZES[0]!);
      for (const sp of body) {
        const off = sp['p:spPr']['a:xfrm']['a:off'];
        const ext = sp['p:spPr']['a:xfrm']['a:ext'];
        expect(Number(off['@_y']) + Number(ext['@_cy'])).toBeLessThanOrEqual((7.5 - DECK_FOOT / 72) * EMU);
        expect(Number(off['@_x']) + Number(ext['@_cx'])).toBeLessThanOrEqual(13.333 * EMU);
      }
      expect(deck.notes[2]).not.toMatch(/first-buyer|remortgager|first-time|remortgage\b/);
      expect(deck.notes[2]).toContain('- Tom, buying his first home: First-time buyer, 60% of the customers.');
    },
  );

  it(
    'sets four long cards at 10 pt, the smallest size, gives what they leave out in the notes, and counts them in the title',
    { timeout: 120_000 },
    async () => {
      const long = (what: string) =>
        `[${Array.from({ length: 6 }, (_, k) => `${what} ${k + 1}, said at length in the words of a customer who has much to say about it`).join(', ')}]`;
      const persona = (k: number) =>
        `  p${k}:\n    name: Persona ${k} with a name as long as a sentence\n    description: ${'A long description of who they are. '.repeat(4)}\n    goals: ${long('Goal')}\n    needs: ${long('Need')}\n    pains: ${long('Pain')}\n    quote: The last words.\n`;
      writeFileSync(join(dir, 'cxmap.config.yaml'), `personas:\n${[1, 2, 3, 4].map(persona).join('')}`);
      const four = MAP.replace(
        /segments:\n[\s\S]*?\n\n/,
        'segments:\n  a: { name: A, share: 25%, persona: p1 }\n  b: { name: B, share: 25%, persona: p2 }\n  c: { name: C, share: 25%, persona: p3 }\n  d: { name: D, share: 25%, persona: p4 }\n\n',
      ).replace(/remortgage:/g, 'b:');
      writeFileSync(join(dir, 'four.cxmap.yaml'), four);
      const r = run(['deck', 'four.cxmap.yaml', '-o', 'four.pptx', '--runs', '500', '--appendix', 'none']);
      writeFileSync(join(dir, 'cxmap.config.yaml'), CONFIG);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const deck = await deckOf(join(dir, 'four.pptx'));
      expect(deck.titles[2]).toBe(
        // Four names of 45 characters and their shares take three lines of the title: it says how many instead.
        'Who we mapped: 4 personas of our customers, side by side',
      );
      const body = deck.body(deck.slides[2]);
      expect(body).toHaveLength(8);
      expect(Math.min(...body.flatMap((sp) => attributes(sp, '@_sz')).map(Number))).toBe(1000);
      for (const sp of body) {
        const off = sp['p:spPr']['a:xfrm']['a:off'];
        const ext = sp['p:spPr']['a:xfrm']['a:ext'];
        expect(Number(off['@_y']) + Number(ext['@_cy'])).toBeLessThanOrEqual((7.5 - DECK_FOOT / 72) * EMU);
      }
      // The quote, last, does not fit: the notes give it in full, for each card.
      expect(deck.notes[2]).toContain('In full, what the cards leave out for room:');
      expect(deck.notes[2]).toContain('- Persona 4 with a name as long as a sentence: “The last words.”');
    },
  );
});
