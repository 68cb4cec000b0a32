/**
 * The service blueprint at a glance (one 16:9 slide holding every step) and the to-be at a glance, checked on their
 * scenes: every step's box once, no text under 10 pt on the slide, no two boxes overlapping, no arrow across a box,
 * the lanes in the method's order in every band, the number of bands; and `changesInWords`, the words of what a to-be
 * changed, on small maps made by hand and on the to-be `cxmap improve --apply recommended` makes of home-loan.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyzeExact, changesInWords } from '../../src/analysis/index.js';
import { improve } from '../../src/rules/index.js';
import { loadText } from '../../src/load/index.js';
import { blueprintGlanceDrawn, PAGES, SLIDE_PAGE, type Drawn } from '../../src/render/index.js';
import type { Drawing, Shape } from '../../src/render/svg/scene.js';
import { textWidth } from '../../src/render/svg/font.js';
import { mapOf } from '../helpers/analyze.js';
import { withSteps } from '../helpers/maps.js';
import { xmlProblem } from '../helpers/xml.js';
import { largeMap } from './glance-maps.js';

type Rect = Extract<Shape, { kind: 'rect' }>;
type Text = Extract<Shape, { kind: 'text' }>;
const rects = (d: Drawing, prefix: string) =>
  d.shapes.filter((s): s is Rect => s.kind === 'rect' && (s.role ?? '').startsWith(prefix));
const textsOf = (d: Drawing) => d.shapes.filter((s): s is Text => s.kind === 'text');
const apart = (a: Rect, b: Rect) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

/** The straight pieces of an arrow's path (`M x y H x V y ...`), as boxes of no width or no height. */
function segments(d: string): Rect[] {
  const out: Rect[] = [];
  let [x, y] = [0, 0];
  for (const [, op, a, b] of d.matchAll(/([MHV])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    const [nx, ny] = op === 'M' ? [Number(a), Number(b)] : op === 'H' ? [Number(a), y] : [x, Number(a)];
    if (op !== 'M')
      out.push({
        kind: 'rect',
        x: Math.min(x, nx),
        y: Math.min(y, ny),
        width: Math.abs(nx - x),
        height: Math.abs(ny - y),
        fill: '',
      });
    [x, y] = [nx, ny];
  }
  return out;
}

/** Whether a piece of an arrow runs through the inside of a box (touching its border, where it leaves or enters, is fine). */
const crosses = (s: Rect, box: Rect) =>
  s.x < box.x + box.width - 0.5 &&
  s.x + s.width > box.x + 0.5 &&
  s.y < box.y + box.height - 0.5 &&
  s.y + s.height > box.y + 0.5;

const LANE_ORDER = ['customer', 'frontstage', 'backstage', 'support'];

/** The glance's checks; `wholeStages`: every band holds whole stages (no stage's header is drawn twice). */
function checkGlance(drawn: Drawn, stepIds: string[], bands: number, evidence: boolean, wholeStages = true) {
  const d = drawn.drawing;
  // On the slide at full size: the scale is 1, so every text is its own size there.
  expect(drawn.page).toEqual({ width: 960, height: 540, name: 'a 16:9 slide' });
  expect(drawn.scale).toBe(1);
  const sizes = textsOf(d).map((t) => t.size * drawn.scale);
  expect(Math.min(...sizes)).toBe(10);
  // Every step's box once.
  const boxes = rects(d, 'step:');
  expect(boxes.map((b) => b.role!.slice(5)).sort()).toEqual([...stepIds].sort());
  // No two boxes overlap.
  const overlaps = boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => !apart(a, b))
      .map((b) => `${a.role} ${b.role}`),
  );
  expect(overlaps).toEqual([]);
  // The lanes, band after band, in the method's order top to bottom.
  const lanes = rects(d, 'lane:');
  const order = (evidence ? ['evidence', ...LANE_ORDER] : LANE_ORDER).map((l) => `lane:${l}`);
  expect(lanes.map((l) => l.role)).toEqual(Array.from({ length: bands }, () => order).flat());
  lanes.slice(1).forEach((l, k) => expect(l.y).toBeGreaterThanOrEqual(lanes[k]!.y + lanes[k]!.height - 0.01));
  // No arrow runs through a box.
  const arrows = d.shapes.filter((s) => s.kind === 'path' && (s.role ?? '').startsWith('edge:'));
  expect(arrows.length > 0).toBe(stepIds.length > 1);
  const through = arrows.flatMap((a) =>
    segments(a.kind === 'path' ? a.d : '').flatMap((s) =>
      boxes.filter((b) => crosses(s, b)).map((b) => `${a.role} ${b.role}`),
    ),
  );
  expect(through).toEqual([]);
  // A step's label stays inside its box.
  for (const b of boxes) {
    const label = textsOf(d).find((t) => t.role === `label:${b.role!.slice(5)}`)!;
    expect(Math.max(...label.lines.map((l) => textWidth(l, label.size)))).toBeLessThanOrEqual(b.width - 9);
  }
  if (wholeStages) {
    const stages = textsOf(d)
      .filter((t) => t.role?.startsWith('stage:'))
      .map((t) => t.role);
    expect(stages.length).toBeGreaterThan(0);
    expect(new Set(stages).size).toBe(stages.length);
  }
  // The drawing on the page inside its margins of 10 pt.
  expect(d.width).toBe(940);
  expect(d.height).toBeLessThanOrEqual(520);
  expect(xmlProblem(drawn.svg)).toBeUndefined();
}

const read = (path: string) => mapOf(readFileSync(path, 'utf8'));

describe('the service blueprint at a glance', () => {
  it('home-loan: 23 steps in 2 bands, the evidence lane left out for room', () => {
    const map = read('examples/home-loan.cxmap.yaml');
    const drawn = blueprintGlanceDrawn(analyzeExact(map));
    checkGlance(
      drawn,
      map.steps.map((s) => s.id),
      2,
      false,
    );
    expect(drawn.drawing.title).toBe('Apply for a home loan · the service blueprint at a glance');
    // The whole name is the label's tooltip; a name cut to three lines ends in an ellipsis.
    const label = textsOf(drawn.drawing).find((t) => t.role === 'label:clarify')!;
    expect(label.tip).toBe("Phone the buyer with the underwriter's questions");
    expect(label.lines).toEqual(['Phone the buyer', 'with the', "underwriter's…"]);
    // The loop back from the underwriter's questions is a line in its box.
    const way = textsOf(drawn.drawing).find((t) => t.role === 'way:clarify')!;
    expect(way.tip).toBe('← Underwrite the loan');
  });

  it('40 steps: 2 bands', () => {
    const map = mapOf(largeMap(40));
    const drawn = blueprintGlanceDrawn(analyzeExact(map));
    checkGlance(
      drawn,
      map.steps.map((s) => s.id),
      2,
      false,
    );
  });

  it.each([
    ['examples/car-insurance-claim.cxmap.yaml', 2, true],
    ['examples/broadband-installation.cxmap.yaml', 2, true],
    ['examples/hospital-referral.cxmap.yaml', 2, true],
    ['test/fixtures/energy-switch.cxmap.yaml', 2, false],
    ['test/fixtures/reference.cxmap.yaml', 1, false],
  ])('%s: %i bands', (path, bands, evidence) => {
    const map = read(path);
    checkGlance(
      blueprintGlanceDrawn(analyzeExact(map)),
      map.steps.map((s) => s.id),
      bands,
      evidence,
    );
  });

  it('any map of 1 to 42 steps: every step once, at 10 pt on the slide, no overlaps, no arrow across a box', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 42 }), (n) => {
        const map = mapOf(largeMap(n));
        const drawn = blueprintGlanceDrawn(analyzeExact(map));
        const bands = rects(drawn.drawing, 'lane:customer').length;
        checkGlance(
          drawn,
          map.steps.map((s) => s.id),
          bands,
          rects(drawn.drawing, 'lane:evidence').length > 0,
          false,
        );
      }),
      { numRuns: 12, seed: 28 },
    );
  });

  it('50 steps are too many for 10 pt: 3 bands, shrunk by the page, the scale says so', () => {
    const drawn = blueprintGlanceDrawn(analyzeExact(mapOf(largeMap(50))));
    expect(rects(drawn.drawing, 'lane:customer')).toHaveLength(3);
    expect(rects(drawn.drawing, 'step:')).toHaveLength(50);
    expect(drawn.scale).toBeLessThan(1);
    expect(drawn.scale).toBeGreaterThan(0.8);
  });

  it('car-insurance-claim: a way on to a step not beside it is a line of its own for each step it leads to', () => {
    const d = blueprintGlanceDrawn(analyzeExact(read('examples/car-insurance-claim.cxmap.yaml'))).drawing;
    const ways = textsOf(d).filter((t) => t.role === 'way:decide');
    expect(ways.map((t) => [t.lines, t.tip])).toEqual([
      [['→ Offer the market…'], '→ Offer the market value of the car'],
      [['→ Explain that the…'], '→ Explain that the claim is refused'],
    ]);
  });

  it('takes the title it is given', () => {
    const drawn = blueprintGlanceDrawn(analyzeExact(read('test/fixtures/reference.cxmap.yaml')), PAGES['16:9'], {
      title: 'Our process',
    });
    expect(drawn.drawing.title).toBe('Our process');
  });
});

describe('the to-be at a glance', () => {
  const file = 'examples/home-loan.cxmap.yaml';
  const loaded = loadText(readFileSync(file, 'utf8'), file);
  const asIs = loaded.map!;
  // The to-be as `cxmap improve examples/home-loan.cxmap.yaml --apply recommended` writes it.
  const improved = improve(analyzeExact(asIs), loaded.source!, file, ['recommended']);
  if (!('text' in improved)) throw new Error('improve made no change to home-loan');
  const toBe = mapOf(improved.text);
  const changes = changesInWords(asIs, toBe);

  it('names what improve --apply recommended changed in home-loan, and what it removed', () => {
    expect(changes.steps.filter((c) => c.kind === 'changed').map((c) => c.name)).toEqual([
      'Meet the advisor at the branch',
      'Fill in the application form at home',
      'Create the loan case',
      'Check the application is complete',
      'Order the valuation and the credit check',
      'Check affordability',
      'Underwrite the loan',
      'Approve the loan and prepare the offer',
      'Book the funds for completion',
    ]);
    expect(changes.steps.filter((c) => c.kind === 'new')).toEqual([]);
    expect(changes.removed).toEqual(['Register the application']);
    const said = (name: string) => changes.steps.find((c) => c.name === name)!.what;
    // The wait before the meeting: min 2 d, likely 4 d, max 8 d of 8 hours, a mean of (2 + 4 + 8) / 3 = 4.67 d;
    // cut by 37.5 %, 2.92 d (the improve writes 2d7h20m: 2 d and 7 h 20 m of 8 h = 2.92 d).
    expect(said('Meet the advisor at the branch')).toEqual([
      'wait 4.7 d → 2.9 d',
      'asks no longer for name and income',
    ]);
    // Rework 30 % back cut by 75 %: 7.5 % back, 92.5 % on.
    expect(said('Check the application is complete')).toEqual([
      'now tells the customer: status update',
      '70 % → 92.5 % go on to Order the valuation and the credit check',
      '30 % → 7.5 % go on to Ask the buyer for missing documents',
    ]);
    // The step before the removed one leads on to where it led: that alone is no change.
    expect(said('Create the loan case')).toEqual(['now tells the customer: status update']);
  });

  it('rings the changed steps, lists the removed ones, and says it is the to-be', () => {
    const drawn = blueprintGlanceDrawn(analyzeExact(toBe), PAGES['16:9'], { changes });
    checkGlance(
      drawn,
      toBe.steps.map((s) => s.id),
      2,
      true,
    );
    const d = drawn.drawing;
    expect(d.title).toBe('Apply for a home loan · to-be · the service blueprint at a glance');
    const marked = d.shapes.filter((s) => (s.role ?? '').startsWith('changed:')).map((s) => s.role!.slice(8));
    const changed = changes.steps.filter((c) => c.kind === 'changed').map((c) => toBe.steps[c.index]!.id);
    expect(marked).toEqual(changed);
    expect(
      rects(d, 'step:')
        .filter((r) => r.stroke === '#0072B2')
        .map((r) => r.role!.slice(5))
        .sort(),
    ).toEqual([...changed].sort());
    expect(textsOf(d).find((t) => t.role === 'removed-text')!.lines).toEqual([
      'No longer done: Register the application',
    ]);
    expect(
      textsOf(d)
        .filter((t) => t.role === 'legend')
        .map((t) => t.lines[0]),
    ).toContain('changed in the to-be');
    expect(textsOf(d).find((t) => t.role === 'label:meet')!.tip).toBe(
      'Meet the advisor at the branch — wait 4.7 d → 2.9 d — asks no longer for name and income',
    );
  });
});

describe('changesInWords', () => {
  const asIs = mapOf(
    withSteps(`  - { id: a, name: Ask, stage: One, actor: me, channel: phone, wait: 2d, work: 1h, asks: [name, payslips], next: b }
  - { id: b, name: Check, stage: One, actor: desk, ca: 75%, next: c }
  - { id: c, name: Re-key the form, stage: Two, actor: desk, next: d }
  - { id: d, name: Answer, stage: Two, actor: desk }
`),
  );

  it('says what changed in words, lists the removed step, and marks the new one', () => {
    const toBe = mapOf(
      withSteps(`  - { id: a, name: Ask, stage: One, actor: me, channel: web, wait: 1d, work: 1h, asks: [name], next: b }
  - { id: b, name: Check, stage: One, actor: desk, ca: 88%, next: d }
  - { id: d, name: Answer, stage: Two, actor: desk, next: e }
  - { id: e, name: Send a text, stage: Two, actor: desk }
`),
    );
    expect(changesInWords(asIs, toBe)).toEqual({
      steps: [
        // Days of 24 hours (the map sets no calendar): 2 d of wait halved.
        {
          index: 0,
          name: 'Ask',
          kind: 'changed',
          what: ['channel phone → web', 'wait 2.0 d → 1.0 d', 'asks no longer for payslips'],
        },
        // Its next step was removed and it leads on to where that one led: only its first-time-right changed.
        { index: 1, name: 'Check', kind: 'changed', what: ['done right first time 75 % → 88 %'] },
        { index: 2, name: 'Answer', kind: 'changed', what: ['now goes on to Send a text'] },
        { index: 3, name: 'Send a text', kind: 'new', what: [] },
      ],
      removed: ['Re-key the form'],
    });
  });

  it('on the drawing: the new step ringed with dots, the changed ones in full, the legend names both', () => {
    const toBe = mapOf(
      withSteps(`  - { id: a, name: Ask, stage: One, actor: me, channel: web, wait: 2d, work: 1h, asks: [name, payslips], next: b }
  - { id: b, name: Check, stage: One, actor: desk, ca: 75%, next: c }
  - { id: c, name: Re-key the form, stage: Two, actor: desk, next: d }
  - { id: d, name: Answer, stage: Two, actor: desk, next: e }
  - { id: e, name: Send a text, stage: Two, actor: desk }
`),
    );
    const d = blueprintGlanceDrawn(analyzeExact(toBe), PAGES['16:9'], { changes: changesInWords(asIs, toBe) }).drawing;
    expect(rects(d, 'step:').map((r) => [r.role, r.stroke, r.dash])).toEqual([
      ['step:a', '#0072B2', undefined],
      ['step:b', '#6B6B6B', undefined],
      ['step:c', '#6B6B6B', undefined],
      ['step:d', '#0072B2', undefined],
      ['step:e', '#0072B2', '2 2'],
    ]);
    const legend = textsOf(d)
      .filter((t) => t.role === 'legend')
      .map((t) => t.lines[0]);
    expect(legend.slice(-2)).toEqual(['changed in the to-be', 'new in the to-be']);
    expect(textsOf(d).find((t) => t.role === 'label:e')!.tip).toBe('Send a text — new step');
    expect(d.shapes.some((s) => s.role === 'removed')).toBe(false);
  });

  it('says which steps now run in parallel', () => {
    const toBe = mapOf(
      withSteps(`  - { id: a, name: Ask, stage: One, actor: me, channel: phone, wait: 2d, work: 1h, asks: [name, payslips], next: { all: [b, c] } }
  - { id: b, name: Check, stage: One, actor: desk, ca: 75%, next: d }
  - { id: c, name: Re-key the form, stage: Two, actor: desk, next: d }
  - { id: d, name: Answer, stage: Two, actor: desk }
`),
    );
    const { steps, removed } = changesInWords(asIs, toBe);
    expect(steps.map((s) => [s.name, s.what])).toEqual([
      ['Ask', ['now goes on to Re-key the form']],
      [
        'Check',
        ['now runs in parallel with Re-key the form', 'now goes on to Answer', 'no longer goes on to Re-key the form'],
      ],
      ['Re-key the form', ['now runs in parallel with Check']],
      ['Answer', []],
    ]);
    expect(removed).toEqual([]);
  });

  it('a map against itself: nothing changed', () => {
    const changes = changesInWords(asIs, asIs);
    expect(changes.steps.map((s) => s.kind)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(changes.removed).toEqual([]);
  });
});

describe("on the deck's slide, above its foot band", () => {
  for (const path of [
    'examples/home-loan.cxmap.yaml',
    'examples/car-insurance-claim.cxmap.yaml',
    'examples/broadband-installation.cxmap.yaml',
    'examples/hospital-referral.cxmap.yaml',
    'test/fixtures/energy-switch.cxmap.yaml',
    'test/fixtures/reference.cxmap.yaml',
  ])
    it(`${path}: every step at 10 pt, at full size, clear of the band`, () => {
      const map = read(path);
      const drawn = blueprintGlanceDrawn(analyzeExact(map), SLIDE_PAGE);
      expect(drawn.scale).toBe(1);
      expect(Math.min(...textsOf(drawn.drawing).map((t) => t.size))).toBe(10);
      expect(rects(drawn.drawing, 'step:')).toHaveLength(map.steps.length);
      // 540 pt less the 25.2 pt band and the page's two margins of 10 pt.
      expect(drawn.drawing.height).toBeLessThanOrEqual(494.8);
    });
});
