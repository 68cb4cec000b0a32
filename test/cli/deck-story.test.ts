/**
 * The board deck's story, as its audience and its presenter read it: the main part (the slides before the
 * appendix's divider) at most 14 slides, each titled by its message, a sentence with a figure; no step, rule or
 * opportunity id in any text run of a slide or a speaker note; each part of the blueprint with notes about that part;
 * savings under "saved a year" as amounts, not minus signs; `--appendix none` and `--date`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, SLIDE_PAGE } from '../../src/render/index.js';
import { RULES } from '../../src/rules/index.js';
import { mapOf } from '../helpers/analyze.js';
import { cxmap } from '../helpers/cli.js';
import { markedIds } from '../helpers/maps.js';
import { reader, type Xml } from '../helpers/xml.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-deck-story-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];
const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const byNumber = (a: string, b: string) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]);

interface Read {
  /** Each slide's title (its title placeholder's text) and every text run of it, in slide order. */
  slides: { title: string; runs: string[] }[];
  /** Each slide's speaker notes, every text run, in slide order. */
  notes: string[][];
}

/** Every text run of every slide and note, read with an XML parser. */
async function read(file: string): Promise<Read> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = (pattern: RegExp) =>
    Object.keys(zip.files)
      .filter((n) => pattern.test(n))
      .sort(byNumber);
  const xml = reader(['p:sp', 'a:p', 'a:r']);
  // Every `a:t` anywhere in a part: shapes, tables, groups.
  const runs = (node: Xml): string[] =>
    typeof node !== 'object' || node === null
      ? []
      : Object.entries(node).flatMap(([key, value]) =>
          key === 'a:t' ? all(value).map(String) : all(value as Xml).flatMap(runs),
        );
  const slides = await Promise.all(
    parts(/^ppt\/slides\/slide\d+\.xml$/).map(async (n) => {
      const parsed = xml.parse(await zip.file(n)!.async('string'));
      const title = all<Xml>(parsed['p:sld']['p:cSld']['p:spTree']['p:sp'])
        .filter((sp) => sp['p:nvSpPr']['p:nvPr']?.['p:ph']?.['@_type'] === 'title')
        .flatMap(runs)
        .join('');
      return { title, runs: runs(parsed) };
    }),
  );
  const notes = await Promise.all(
    parts(/^ppt\/notesSlides\/notesSlide\d+\.xml$/).map(async (n) =>
      runs(xml.parse(await zip.file(n)!.async('string'))),
    ),
  );
  return { slides, notes };
}

/** The main part: the slides before the appendix's divider. */
const mainOf = (deck: Read) => {
  const divider = deck.slides.findIndex((s) => s.title === 'Appendix');
  return divider < 0 ? deck.slides : deck.slides.slice(0, divider);
};

describe('the board deck', () => {
  for (const example of EXAMPLES)
    it(
      `${example}, and its to-be made by improve: no id in any slide or note, at most 14 main slides, each titled by a sentence with a figure`,
      { timeout: 120_000 },
      async () => {
        // Every step id marked, so that an id shown anywhere is seen: `zq-`.
        const asIs = join(dir, `${example}.cxmap.yaml`);
        writeFileSync(asIs, markedIds(readFileSync(`examples/${example}.cxmap.yaml`, 'utf8')));
        const toBe = join(dir, `${example}.to-be.cxmap.yaml`);
        expect(cxmap(['improve', asIs, '--apply', 'recommended', '-o', toBe]).status).toBe(0);
        const out = join(dir, `${example}.pptx`);
        const run = cxmap(['deck', asIs, '--to-be', toBe, '-o', out, '--runs', '500', '--date', '6 December 2026']);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        const deck = await read(out);
        expect(deck.notes).toHaveLength(deck.slides.length);
        const texts = [...deck.slides.flatMap((s) => s.runs), ...deck.notes.flat()];
        expect(texts.length).toBeGreaterThan(500);
        const ruleIds = RULES.map((r) => r.id);
        for (const text of texts) {
          expect(text).not.toContain('zq-');
          expect(text).not.toContain('`');
          // A rule's id as the report names it: in brackets, or before the place of an opportunity.
          for (const id of ruleIds) expect(text).not.toMatch(new RegExp(`\\(${id}\\)|${id}:`));
        }
        const main = mainOf(deck);
        expect(main.length).toBeLessThanOrEqual(14);
        expect(main.length).toBeLessThan(deck.slides.length);
        // The title slide names the process; every other main slide states its message with its figure.
        for (const { title } of main.slice(1)) expect(title).toMatch(/^[“A-Z0-9].*\d.*[^.]$/);
      },
    );

  it('--appendix none: the main slides alone; --date on the title slide', { timeout: 60_000 }, async () => {
    const out = join(dir, 'main.pptx');
    const run = cxmap([
      'deck',
      'examples/home-loan.cxmap.yaml',
      '-o',
      out,
      '--runs',
      '200',
      '--appendix',
      'none',
      '--date',
      '12 January 2027',
    ]);
    expect(run.status).toBe(0);
    const deck = await read(out);
    expect(deck.slides.map((s) => s.title).includes('Appendix')).toBe(false);
    expect(deck.slides.at(-1)!.title).toMatch(/^We ask the board for \d+ decisions/);
    expect(deck.slides[0]!.runs).toContain('12 January 2027');
    // The executive summary says what its one term of art is, and what a day is.
    expect(deck.slides[1]!.runs).toContain(
      "Dark time is waiting with no news for more than 1.0 d since the customer's last news. Days (d) are working days of 8 hours, 5 a week.",
    );
    const bad = cxmap(['deck', 'examples/home-loan.cxmap.yaml', '-o', join(dir, 'x.pptx'), '--appendix', 'some']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      "cxmap: option '--appendix <part>' argument 'some' is invalid. Allowed choices are all, none.\n",
    );
  });

  it(
    'each part of the blueprint has notes about that part: its steps, its fail points, its waits',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'parts.pptx');
      expect(cxmap(['deck', 'examples/home-loan.cxmap.yaml', '-o', out, '--runs', '200']).status).toBe(0);
      const deck = await read(out);
      const analysis = analyzeExact(mapOf(readFileSync('examples/home-loan.cxmap.yaml', 'utf8')));
      const parts = drawnDiagrams(analysis, 'blueprint', SLIDE_PAGE);
      expect(parts.length).toBe(7);
      const at = deck.slides.findIndex((s) => s.title === parts[0]!.drawing.title);
      // The notes' body is their first run (the slide number comes after it); its lines as the presenter reads them.
      const notes = parts.map((_, k) => deck.notes[at + k]![0]!.replace(/\r\n?/g, '\n'));
      // Part 1 holds the first stage, Apply: its five steps, two fail points, one moment of truth, and their waits.
      expect(notes[0]).toBe(
        [
          'The service blueprint: what the customer does and sees above the line of interaction, what the company does in view above the line of visibility, and out of view below it.',
          'This part holds 5 of the 23 steps: Call the bank to ask about a loan; Book a meeting with an advisor; Meet the advisor at the branch; Fill in the application form at home; Upload payslips and bank statements.',
          'Fail points here: Book a meeting with an advisor (No free slots this week); Upload payslips and bank statements (Upload portal rejects files over 5 MB).',
          'Moments of truth here: Meet the advisor at the branch.',
          'The longest waits here: Meet the advisor at the branch (4.7 d, 3.7 d of it without news); Fill in the application form at home (1.0 d); Call the bank to ask about a loan (25 m).',
          'Days (d) are working days of 8 hours, 5 a week.',
        ].join('\n'),
      );
      // No two parts have the same notes.
      expect(new Set(notes).size).toBe(parts.length);
    },
  );

  it(
    'savings a year are amounts under "saved a year", never a minus that reads as a double negative',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'broadband.pptx');
      expect(cxmap(['deck', 'examples/broadband-installation.cxmap.yaml', '-o', out, '--runs', '200']).status).toBe(0);
      const deck = await read(out);
      const proposals = deck.slides.find((s) => s.runs.includes('Saved a year'))!;
      const saved = proposals.runs.filter((r) => /^(cost|staff hours|customer days) /.test(r));
      expect(saved.length).toBeGreaterThan(0);
      // Broadband's changes save the company's cost, staff hours and customers' days: each an amount, no sign.
      for (const cell of saved)
        expect(cell).toMatch(
          /^(cost EUR [\d,]+( to [\d,]+)?(, |$))?(staff hours [\d,]+( to [\d,]+)?(, |$))?(customer days [\d,]+( to [\d,]+)?)?$/,
        );
      expect(saved.join(' ')).not.toContain('−');
    },
  );
});
