/**
 * `cxmap deck`, as its reader opens it: the slides' XML (the scorecard a native table, every diagram native shapes
 * with each step's name in its box, every slide's title in its title placeholder, every shape inside the 16:9
 * slide, every part well-formed whatever the map's names hold), made with no browser on the PATH; and, where
 * LibreOffice is installed (`.ci/run` installs it), the .pptx converted to PDF (`soffice --headless`), its slides
 * counted and its text read back with pdftotext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { analyzeExact } from '../../src/analysis/index.js';
import { opportunities } from '../../src/rules/index.js';
import { executiveSummary } from '../../src/report/index.js';
import { drawnDiagrams, SLIDE_PAGE } from '../../src/render/index.js';
import { mapOf } from '../helpers/analyze.js';
import { cxmap, STACK } from '../helpers/cli.js';
import { needs } from '../helpers/tools.js';
import { pptxParts, reader, xmlProblem, type Xml } from '../helpers/xml.js';

const dir = mkdtempSync(join(tmpdir(), 'cxmap-deck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The round trip needs LibreOffice and poppler (pdftotext and pdfinfo come together). */
const noOffice = needs('soffice', 'pdftotext');

/** The slides' XML, in slide order. */
async function slidesOf(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  return Promise.all(names.map((n) => zip.file(n)!.async('string')));
}

const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A slide's shapes (`<p:sp>`): their names, whether they are the title placeholder, their text and place in EMU. */
function shapesOf(slide: string) {
  const tree = reader(['p:sp', 'a:p', 'a:r']).parse(slide)['p:sld']['p:cSld']['p:spTree'];
  return all<Xml>(tree['p:sp']).map((sp) => ({
    name: sp['p:nvSpPr']['p:cNvPr']['@_name'] as string,
    title: sp['p:nvSpPr']['p:nvPr']?.['p:ph']?.['@_type'] === 'title',
    // Paragraphs joined by a space: a name wrapped over two lines of its box reads as one.
    text: all<Xml>(sp['p:txBody']?.['a:p'])
      .map((p) =>
        all<Xml>(p['a:r'])
          .map((r) => String(r['a:t']))
          .join(''),
      )
      .join(' '),
    off: sp['p:spPr']['a:xfrm']?.['a:off'] as { '@_x': string; '@_y': string } | undefined,
  }));
}

/** A 13.33 x 7.5 in slide in EMU (914,400 a inch). */
const SLIDE = { cx: 12_192_000, cy: 6_858_000 };
/** Points on a drawing to EMU on the slide: 72 points an inch, 914,400 EMU an inch, rounded as pptxgenjs does. */
const emu = (points: number) => Math.round((points / 72) * 914_400);

const EXAMPLES = ['home-loan', 'car-insurance-claim', 'broadband-installation', 'hospital-referral'];

describe('cxmap deck', () => {
  const file = join(dir, 'home-loan.pptx');
  const analysis = analyzeExact(mapOf(readFileSync('examples/home-loan.cxmap.yaml', 'utf8')));
  const parts = (view: 'blueprint' | 'journey' | 'matrix') => drawnDiagrams(analysis, view, SLIDE_PAGE).length;
  /** The slide titled so, by its number from 0; -1 when none is. */
  const titled = (slides: string[], title: string) => slides.findIndex((s) => s.includes(`>${title}<`));

  // The deck of home-loan, which the tests below read.
  let run: ReturnType<typeof cxmap>;
  beforeAll(() => {
    run = cxmap(['deck', 'examples/home-loan.cxmap.yaml', '-o', file, '--runs', '2000']);
  }, 60_000);

  it('writes a deck of native slides: the appendix holds every part, the scorecard a table, nothing off a slide', async () => {
    expect(run.stderr).not.toMatch(STACK);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${file}\n`);

    const slides = await slidesOf(file);
    // The appendix, after its divider: the full scorecard first, then each part of the blueprint and the journey.
    const divider = titled(slides, 'Appendix');
    expect(divider).toBeGreaterThan(0);
    expect(divider).toBeLessThanOrEqual(14);
    const scorecard = slides[divider + 1]!;
    expect(scorecard).toContain('<a:tbl>');
    for (const text of [
      'The full scorecard: 20 figures, 2 of 3 targets missed',
      'Lead time',
      '24.0 d',
      'missed by 14.0 d',
      'PCE',
      'Rolled %C&amp;A',
      'met',
    ])
      expect(scorecard).toContain(`>${text}<`);
    // Its days are 8-hour working days: the title slide and the note under the scorecard say so.
    expect(slides[0]).toContain('>working days of 8 hours, 5 a week<');
    expect(scorecard).toContain('>Days (d) are working days of 8 hours, 5 a week.<');
    const partTitles = (view: 'service blueprint' | 'the customer&apos;s journey', count: number) =>
      Array.from({ length: count }, (_, k) =>
        titled(slides, `Apply for a home loan · ${view} · part ${k + 1} of ${count}`),
      );
    for (const at of [
      ...partTitles('service blueprint', parts('blueprint')),
      ...partTitles('the customer&apos;s journey', parts('journey')),
    ])
      expect(at).toBeGreaterThan(divider);
    // The diagrams are shapes, not pictures: no slide holds an image.
    expect(slides.filter((s) => s.includes('<p:pic>'))).toEqual([]);
    // Nothing runs off a slide: every shape's box is inside it.
    for (const [k, slide] of slides.entries())
      for (const [, x, y, cx, cy] of slide.matchAll(/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
        expect(Number(x) + Number(cx), `slide ${k + 1}`).toBeLessThanOrEqual(SLIDE.cx);
        expect(Number(y) + Number(cy), `slide ${k + 1}`).toBeLessThanOrEqual(SLIDE.cy);
      }
  });

  it("every slide's title is its title placeholder; a diagram's title is not drawn a second time", async () => {
    const slides = (await slidesOf(file)).map(shapesOf);
    for (const [k, shapes] of slides.entries())
      expect(
        shapes.filter((s) => s.title).map((s) => s.text.length > 0),
        `slide ${k + 1}`,
      ).toEqual([true]);
    expect(slides[0]!.find((s) => s.title)!.text).toBe('Apply for a home loan');
    // The answer first: the executive summary's title is its message, with the figure.
    expect(slides[1]!.find((s) => s.title)!.text).toBe(executiveSummary(analysis, opportunities(analysis)).headline);
    expect(slides[1]!.find((s) => s.title)!.text).toBe(
      'Customers spend 24.0 working days on average from the trigger to the end, against a target of 10.0 working days; 95% of it is waiting',
    );
    // The blueprint's slides, in order, each titled by its part's drawing, and no other shape holds that title.
    const titles = drawnDiagrams(analysis, 'blueprint', SLIDE_PAGE).map((d) => d.drawing.title);
    expect(titles).toHaveLength(parts('blueprint'));
    const blueprint = slides.filter((shapes) => shapes.some((s) => s.title && titles.includes(s.text)));
    expect(blueprint.map((shapes) => shapes.find((s) => s.title)!.text)).toEqual(titles);
    for (const shapes of blueprint) expect(shapes.filter((s) => titles.includes(s.text))).toHaveLength(1);
  });

  it('puts a step box where the layout puts it: points on the drawing, centred at its scale, in EMU', async () => {
    // (A duration keeps its unit on its line: a no-break space.)
    // The first part of the blueprint, its first step: the layout's box (in points) at the part's scale, moved
    // by the margin that centres the drawing on the slide above its foot band (960 x 514.8 pt). For a box at
    // (x, y) on a drawing of w x h at scale s: across (960 - w s) / 2 + x s, down (514.8 - h s) / 2 + y s, in
    // points, then 12,700 EMU a point. The test recomputes them from the layout, so that it checks the printer's
    // placement whatever the layout becomes.
    const [part] = drawnDiagrams(analysis, 'blueprint', SLIDE_PAGE);
    const box = part!.drawing.shapes.find((s) => s.kind === 'rect' && s.role === 'step:call-bank');
    if (box?.kind !== 'rect') throw new Error('the first blueprint part has no box for call-bank');
    const dx = (SLIDE_PAGE.width - part!.drawing.width * part!.scale) / 2;
    const dy = (SLIDE_PAGE.height - part!.drawing.height * part!.scale) / 2;
    const slides = (await slidesOf(file)).map(shapesOf);
    // On the blueprint's first part, in the appendix (the blueprint at a glance has a box of its own for it).
    const onPart = slides.find((shapes) => shapes.some((s) => s.title && s.text === part!.drawing.title))!;
    const shape = onPart.find((s) => s.name === 'step:call-bank')!;
    expect(shape.text).toBe('Call the bank to ask about a loan Home buyer · phone · 10\u00a0m');
    expect(Number(shape.off!['@_x'])).toBe(emu(dx + box.x * part!.scale));
    expect(Number(shape.off!['@_y'])).toBe(emu(dy + box.y * part!.scale));
  });

  it(
    "every step's name of each example is the text of its box on a slide, with no browser on the PATH",
    { timeout: 120_000 },
    async () => {
      // A PATH with node alone, and a home without puppeteer's browser: nothing to draw with but cxmap itself.
      const bin = join(dir, 'bin');
      mkdirSync(bin);
      symlinkSync(process.execPath, join(bin, 'node'));
      const out = join(dir, 'examples.pptx');
      const run = cxmap(['deck', ...EXAMPLES.map((e) => `examples/${e}.cxmap.yaml`), '-o', out, '--runs', '200'], {
        env: { PATH: bin, HOME: dir },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      // Each map's main slides follow its title slide; its parts, in the appendix, are titled by its name.
      const maps = EXAMPLES.map((e) => mapOf(readFileSync(`examples/${e}.cxmap.yaml`, 'utf8')));
      const boxes = maps.map(() => new Map<string, string>());
      let k = -1;
      for (const slide of await slidesOf(out)) {
        const shapes = shapesOf(slide);
        const title = shapes.find((s) => s.title)!.text;
        const named = maps.findIndex((m) => title === m.process.name || title.startsWith(`${m.process.name} · `));
        if (named >= 0) k = named;
        for (const s of shapes) boxes[k]!.set(s.name, s.text);
      }
      expect(k).toBe(EXAMPLES.length - 1);
      maps.forEach((map, n) => {
        expect(map.steps.length).toBeGreaterThan(0);
        for (const step of map.steps) expect(boxes[n]!.get(`step:${step.id}`), step.id).toContain(step.name);
      });
    },
  );

  it('a control character in a process or step name: every part well-formed, the names read back without it', async () => {
    const source = join(dir, 'control.cxmap.yaml');
    // In YAML's double quotes, \x01 is U+0001 and \v a vertical tab (what a spreadsheet's cell can hold).
    writeFileSync(
      source,
      `cxmap: 1
process: { name: "Open\\x01 an account\\v today", customer: C, goal: G }
actors:
  me: { kind: customer, name: Me }
  desk: { kind: frontstage, name: Desk }
steps:
  - { id: fill, name: "Fill\\x01 in the\\v form", actor: me, channel: web, work: 1m, next: check }
  - { id: check, name: Check <the> form & "send", actor: desk, channel: phone, work: 5m }
`,
    );
    const out = join(dir, 'control.pptx');
    const run = cxmap(['deck', source, '-o', out, '--runs', '200']);
    expect(run.status).toBe(0);
    const parts = await pptxParts(readFileSync(out));
    expect(parts.size).toBeGreaterThan(20);
    for (const [name, xml] of parts) expect(xmlProblem(xml), name).toBeUndefined();
    const shapes = [...parts]
      .filter(([name]) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
      .flatMap(([, xml]) => shapesOf(xml));
    expect(shapes.find((s) => s.title)!.text).toBe('Open an account today');
    // The blueprint's box with its facts, and the box of the blueprint at a glance with the name alone.
    expect(new Set(shapes.filter((s) => s.name === 'step:fill').map((s) => s.text))).toEqual(
      // 17 % of the lead time is under the verdicts' line for slow steps on this short map: not emphasised.
      new Set(['Fill in the form Me · web · 1\u00a0m', 'Fill in the form']),
    );
    expect(shapes.some((s) => s.name === 'step:check' && s.text.startsWith('Check <the> form & "send"'))).toBe(true);
  });

  it.skipIf(noOffice)(
    'LibreOffice opens it: a page per slide, the scorecard and the step names read back from the PDF',
    { timeout: 180_000 },
    async () => {
      const slides = await slidesOf(file);
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, file], {
        stdio: 'ignore',
        timeout: 150_000,
      });
      const pdf = join(dir, 'home-loan.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Pages:\\s+${slides.length}\\n`));
      expect(info).toMatch(/Page size:\s+960(\.\d+)? x 540 pts/);
      // The executive summary, then the scorecard.
      const summary = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
      for (const text of ['Customers spend 24.0 working days', 'Decision asked: Approve the', 'Best benchmark'])
        expect(summary.replace(/\s+/g, ' ')).toContain(text);
      const page = String(titled(slides, 'Appendix') + 2);
      const scorecard = execFileSync('pdftotext', ['-f', page, '-l', page, '-layout', pdf, '-'], { encoding: 'utf8' });
      for (const text of [
        'The full scorecard',
        'Lead time',
        '24.0 d',
        '10.0 d',
        'missed by 14.0 d',
        'PCE',
        'Rolled %C&A',
        'Success rate',
      ])
        expect(scorecard).toContain(text);
      const title = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
      for (const text of ['Apply for a home loan', 'Customer:', 'First-time buyer', 'Owner:', 'Retail Lending'])
        expect(title).toContain(text);
      // The diagrams are text, not pixels: every step's name is in the PDF's text (a name wrapped in its box
      // reads with a line break where a space was).
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const step of analysis.map.steps) expect(text, step.id).toContain(step.name);
    },
  );

  it('every amount with its currency, in the scorecard and the top opportunities', { timeout: 120_000 }, async () => {
    const out = join(dir, 'broadband.pptx');
    const run = cxmap(['deck', 'examples/broadband-installation.cxmap.yaml', '-o', out, '--runs', '200']);
    expect(run.status).toBe(0);
    const slides = await slidesOf(out);
    // The cells of the native tables, as PowerPoint shows them.
    const cells = (slide: string) => [...slide.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]);
    const scorecard = slides.filter((s) => s.includes('>The full scorecard: '));
    const figures = scorecard.flatMap(cells);
    expect(figures[figures.indexOf('Cost to serve a case') + 1]).toBe('EUR 190.90');
    expect(figures[figures.indexOf('Cost a year') + 1]).toBe('EUR 4,581,623');
    expect(scorecard[0]).toContain('>Days (d) are calendar days.<');
    // The recommended changes' yearly savings, as amounts with the currency.
    const top = slides.find((s) => s.includes('>Saved a year<'))!;
    expect(cells(top)).toContain('cost EUR 447,925, staff hours 7,454, customer days 24,706');
  });

  it('--to-be: the figures before and after, then the to-be blueprint', { timeout: 120_000 }, async () => {
    const toBe = join(dir, 'to-be.cxmap.yaml');
    writeFileSync(
      toBe,
      readFileSync('examples/home-loan.cxmap.yaml', 'utf8').replace(
        'name: Apply for a home loan',
        'name: Apply for a home loan, to be',
      ),
    );
    const out = join(dir, 'before-after.pptx');
    const run = cxmap(['deck', 'examples/home-loan.cxmap.yaml', '--to-be', toBe, '-o', out, '--runs', '2000']);
    expect(run.status).toBe(0);
    const slides = await slidesOf(out);
    const titles = slides.map((s) => shapesOf(s).find((x) => x.title)!.text);
    const compared = titles.findIndex((t) =>
      t.startsWith('With the changes, the lead time goes from 24.0 working days to 24.0 working days'),
    );
    expect(compared).toBeGreaterThan(0);
    expect(compared).toBeLessThan(titles.indexOf('Appendix'));
    expect(slides[compared]).toContain('<a:tbl>');
    // The to-be blueprint's parts, in the appendix, say they are the to-be: the map's name says so here, and is kept.
    const toBeParts = titles.filter((t) => t.startsWith('Apply for a home loan, to be · service blueprint · part'));
    expect(toBeParts).toHaveLength(parts('blueprint'));
    expect(titles.indexOf(toBeParts[0]!)).toBeGreaterThan(titles.indexOf('Appendix'));
    // A to-be with the as-is map's own name (improve keeps it) is marked in every title.
    const same = join(dir, 'same.pptx');
    expect(
      cxmap(['deck', 'examples/home-loan.cxmap.yaml', '--to-be', 'examples/home-loan.cxmap.yaml', '-o', same]).status,
    ).toBe(0);
    const marked = (await slidesOf(same))
      .map((s) => shapesOf(s).find((x) => x.title)!.text)
      .filter((t) => t.startsWith('Apply for a home loan (to-be) · service blueprint · part'));
    expect(marked).toHaveLength(parts('blueprint'));
  });

  it("scores with the configuration's weights, as every command that scores does", { timeout: 120_000 }, async () => {
    // highDelayFactor 0.1: a delay is high from 0.1 / 8 = 1.25% of the lead time (8 steps on the critical path). The
    // decline letter holds 5.90% (docs/scoring.md, the reference example) and is worth 40: rethink, where by
    // default (from 25%) it is streamline and the notes on the matrix leave it out. decide (1.23%) stays kept.
    const config = join(dir, 'delay.cxmap.config.yaml');
    writeFileSync(config, 'weights:\n  highDelayFactor: 0.1\n');
    const out = join(dir, 'weights.pptx');
    const run = cxmap(['deck', 'test/fixtures/reference.cxmap.yaml', '-o', out, '--runs', '1000', '-c', config]);
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const notes = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
        .map((n) => zip.file(n)!.async('string')),
    );
    const matrix = notes.filter((n) => n.includes('the regions are the verdicts of the scoring'));
    expect(matrix).toHaveLength(1);
    expect(matrix[0]).toContain('Send the decline letter (rethink): holds 5.9% of the lead time');
    expect(matrix[0]).not.toContain('Decide and notify (');
  });

  it('refuses what it cannot do, in one line', () => {
    const twoMaps = cxmap([
      'deck',
      'examples/home-loan.cxmap.yaml',
      'examples/car-insurance-claim.cxmap.yaml',
      '--to-be',
      'examples/home-loan.cxmap.yaml',
      '-o',
      join(dir, 'x.pptx'),
    ]);
    expect(twoMaps.status).toBe(2);
    expect(twoMaps.stderr).toBe('cxmap: --to-be compares against one as-is map; 2 were given\n');
    const notPptx = cxmap(['deck', 'examples/home-loan.cxmap.yaml', '-o', join(dir, 'x.pdf')]);
    expect(notPptx.status).toBe(2);
    expect(notPptx.stderr).toBe(`cxmap: --out names the deck to write, a .pptx file, not ${join(dir, 'x.pdf')}\n`);
    // A deck already there may hold someone's edits: like improve, deck writes over it only with --force.
    const edited = join(dir, 'edited.pptx');
    writeFileSync(edited, 'my edits');
    const over = cxmap(['deck', 'examples/home-loan.cxmap.yaml', '-o', edited]);
    expect(over.status).toBe(2);
    expect(over.stderr).toBe(
      `cxmap: ${edited} already exists: cxmap deck writes over a file only with --force (it may hold your edits); choose another -o, or add --force\n`,
    );
    expect(readFileSync(edited, 'utf8')).toBe('my edits');
  });
});
