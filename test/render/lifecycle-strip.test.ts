/**
 * The lifecycle strip drawn (render/svg/lifecycle/strip.ts): the exact places of a small case worked by hand, the
 * SVG well-formed, and for any portfolio of up to 8 journeys of up to 10 stages: no two texts or columns on each
 * other, everything inside its drawing, each drawing inside a slide's body at its own size (10 pt text), the bands
 * cut into parts only when the body cannot hold them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { StripJourney } from '../../src/analysis/index.js';
import { LIFECYCLE_STRIP, lifecycleDrawn, PAGE_MARGIN, SLIDE_BODY, type StripInput } from '../../src/render/index.js';
import type { Drawing, Shape } from '../../src/render/svg/scene.js';
import { xmlProblem } from '../helpers/xml.js';
import { overlap, textBox, texts, within } from './boxes.js';

const journey = (name: string, stages: [string, number?][]): StripInput => ({
  name,
  strip: {
    stages: stages.map(([stage, feeling]) => ({ stage, ...(feeling === undefined ? {} : { feeling, at: 'a step' }) })),
    starts: 'first',
    ends: ['last'],
  } satisfies StripJourney,
});

const byRole = (d: Drawing, role: string) => d.shapes.filter((s) => s.role === role);
/** Where a shape stands, to a tenth of a point as the SVG writes it. */
const tenth = (v: number) => Math.round(v * 10) / 10;
const at = (s: Shape) =>
  s.kind === 'text'
    ? [tenth(s.x), tenth(s.y), s.lines.join(' ')]
    : s.kind === 'rect'
      ? [s.x, s.y, s.width, s.height]
      : s.d;

/** No two texts and no two columns on each other; every text inside the drawing. */
function expectTidy(d: Drawing) {
  const boxes = texts(d).map(textBox);
  for (const b of boxes) expect(within(b, { x: 0, y: 0, w: d.width, h: d.height }), b.what).toBe(true);
  for (const [k, a] of boxes.entries())
    for (const b of boxes.slice(k + 1)) expect(overlap(a, b), `"${a.what}" and "${b.what}"`).toBe(false);
  const columns = d.shapes
    .filter((s) => s.kind === 'rect' && s.role?.startsWith('stage:'))
    .map((s) => s as Extract<Shape, { kind: 'rect' }>)
    .map((s) => ({ x: s.x, y: s.y, w: s.width, h: s.height, what: s.role! }));
  for (const [k, a] of columns.entries())
    for (const b of columns.slice(k + 1)) expect(overlap(a, b), `${a.what} and ${b.what}`).toBe(false);
  for (const s of texts(d)) expect(s.size).toBeGreaterThanOrEqual(LIFECYCLE_STRIP.text);
}

describe('the lifecycle strip', () => {
  // Two journeys of two stages. At the widest columns (130 pt) everything fits one band: the feeling words take
  // 58 pt, the first journey's stages stand at 58 and 58 + 130 + 2 = 190, the second's after 22 pt for the hand-on
  // arrow at 320 + 22 = 342 and 474, the strip ends at 604. One band on a body 376 pt high (396 less two margins)
  // leaves 376 - (16 + 29 + 2 × 7) = 317 pt for four steps between the levels: the tallest, 18. The levels stand at
  // 16 + 29 + 7 = 52 (very good), 70, 88, 106, 124 (very bad); a column's dot at its middle, 65 pt in. A name's
  // baseline is 4 pt and an ascent (0.92 × 10) under the top of its cell, 16 + 4 + 9.2 = 29.2.
  const small = [
    journey('Apply', [
      ['Enquire', -2],
      ['Decide', 0],
    ]),
    journey('Move in', [['Complete', 1], ['Keys']]),
  ];
  const [drawn] = lifecycleDrawn(small, 'A lifecycle', SLIDE_BODY);

  it('places a small case exactly', () => {
    const d = drawn!.drawing;
    expect([d.width, d.height]).toEqual([604, 131]);
    expect(byRole(d, 'journey').map(at)).toEqual([
      [62, 12, 'Apply'],
      [346, 12, 'Move in'],
    ]);
    expect(byRole(d, 'stage').map(at)).toEqual([
      [62, 29.2, 'Enquire'],
      [194, 29.2, 'Decide'],
      [346, 29.2, 'Complete'],
      [478, 29.2, 'Keys'],
    ]);
    expect(
      texts(d)
        .filter((s) => s.anchor === 'end')
        .map((s) => s.lines[0]),
    ).toEqual(['very good', 'good', 'neutral', 'bad', 'very bad']);
    expect(byRole(d, 'feeling-dot')).toHaveLength(3);
    expect(byRole(d, 'feeling-line').map(at)).toEqual(['M123 124 L255 88']);
    // The hand-on: the dashed line from the last feeling of one journey to the first of the next, and the arrow.
    expect(byRole(d, 'hand-on-line').map(at)).toEqual(['M255 88 L407 70']);
    expect(byRole(d, 'hand-on').map(at)).toEqual(['M323 8 H333 M333 3.5 L339 8 L333 12.5 Z']);
    // Keys records no feeling: no dot, the words in italics between the two lowest levels.
    expect(byRole(d, 'feeling').map(at)).toEqual([[478, 118.5, 'not recorded']]);
    expectTidy(d);
  });

  it('prints a well-formed SVG at its own size on the body of a slide', () => {
    expect(drawn!.scale).toBe(1.5);
    expect(xmlProblem(drawn!.svg)).toBeUndefined();
    expect(drawn!.svg).toContain('data-role="hand-on"');
  });

  it('holds 6 journeys of 8 stages on one slide body at 10 pt, in bands; cuts 12 into two parts', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, j) =>
        journey(
          `Journey ${j + 1} of the customer's lifecycle`,
          Array.from({ length: 8 }, (_, k) => [`Stage ${k + 1} with a long name`, ((j + k) % 5) - 2]),
        ),
      );
    const six = lifecycleDrawn(many(6), 'Six', SLIDE_BODY);
    expect(six).toHaveLength(1);
    const d = six[0]!.drawing;
    // 48 stages of at least 64 pt in 882 pt beside the feeling words: 4 bands.
    expect(new Set(byRole(d, 'stage').map((s) => (s as { y: number }).y)).size).toBe(4);
    expect(d.width).toBeLessThanOrEqual(SLIDE_BODY.width - 2 * PAGE_MARGIN);
    expect(d.height).toBeLessThanOrEqual(SLIDE_BODY.height - 2 * PAGE_MARGIN);
    expect(six[0]!.scale).toBeGreaterThanOrEqual(1);
    expect(byRole(d, 'hand-on')).toHaveLength(5);
    expectTidy(d);
    const twelve = lifecycleDrawn(many(12), 'Twelve', SLIDE_BODY);
    expect(twelve.map((p) => p.drawing.title)).toEqual(['Twelve · part 1 of 2', 'Twelve · part 2 of 2']);
    expect(twelve.map((p) => byRole(p.drawing, 'stage').length)).toEqual([48, 48]);
  });

  it('stays tidy and on the body for any portfolio of up to 8 journeys of up to 10 stages', () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,40}$/);
    const stage = fc.tuple(name, fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.array(stage, { minLength: 1, maxLength: 10 })), { minLength: 1, maxLength: 8 }),
        (journeys) => {
          const pictures = lifecycleDrawn(
            journeys.map(([n, s]) => journey(n, s as [string, number?][])),
            'Any',
            SLIDE_BODY,
          );
          for (const p of pictures) {
            expect(p.scale).toBeGreaterThanOrEqual(1);
            expectTidy(p.drawing);
          }
          expect(pictures.flatMap((p) => byRole(p.drawing, 'stage'))).toHaveLength(
            journeys.reduce((n, [, s]) => n + s.length, 0),
          );
        },
      ),
      { numRuns: 40, seed: 29 },
    );
  });
});
