/**
 * The journey of a map with segments: one feeling curve per segment on the map's main path, in a colour and dash of
 * its own, with a legend entry "<name> (<share>)". A segment's feeling at a step is its `for:` override or the
 * step's own; a step it skips has no point (its curve goes on to the next step it lives); a step without its feeling
 * breaks its curve and shows as a ring in its colour in the row of feelings not recorded. More than five segments:
 * the five largest are drawn and the lead names the others.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyzeExact, segmentMap } from '../../src/analysis/index.js';
import { drawnDiagrams, JOURNEY_SEGMENTS, MIN_TEXT_PT, PAGES } from '../../src/render/index.js';
import { journeyModel } from '../../src/render/svg/journey/model.js';
import { circle } from '../../src/render/svg/shapes.js';
import type { Shape } from '../../src/render/svg/scene.js';
import { mapOf } from '../helpers/analyze.js';
import { xmlProblem } from '../helpers/xml.js';

const FIXTURE = readFileSync(new URL('../fixtures/segments-feelings.cxmap.yaml', import.meta.url), 'utf8');
const analysis = () => analyzeExact(mapOf(FIXTURE));
const texts = (shapes: readonly Shape[]) => shapes.flatMap((s) => (s.kind === 'text' ? [s] : []));
const legend = (shapes: readonly Shape[]) => texts(shapes).flatMap((t) => (t.role === 'legend' ? t.lines : []));
const paths = (shapes: readonly Shape[], role: string) =>
  shapes.flatMap((s) => (s.kind === 'path' && s.role === role ? [s] : []));

describe('the journey model of a map with segments', () => {
  it("gives each segment's feeling at each step: its override, else the step's own; skip where it skips", () => {
    const model = journeyModel(analysis());
    // Steps in the map's order: apply, talk, check, fix, decide, sign.
    expect(model.segments.map((g) => [g.id, g.name, g.share, g.feelings])).toEqual([
      ['first-time', 'First-time buyer', 0.6, [0, -1, undefined, -2, undefined, 1]],
      ['remortgage', 'Re-mortgager', 0.4, [1, 'skip', undefined, -1, 0, 2]],
    ]);
    expect(model.undrawn).toEqual([]);
    // The main path stays the map's as written: the re-mortgager's skip of the advisor does not remove it.
    expect(model.main.map((s) => s.id)).toEqual(['apply', 'talk', 'decide', 'sign']);
  });

  it("has no segments for a map without them, and the map as one segment lives it has that segment's feelings", () => {
    const own = journeyModel(analyzeExact(segmentMap(mapOf(FIXTURE), 'first-time')));
    expect([own.segments, own.undrawn]).toEqual([[], []]);
    expect(own.main.map((s) => [s.id, s.feeling])).toEqual([
      ['apply', 0],
      ['talk', -1],
      ['decide', undefined],
      ['sign', 1],
    ]);
  });
});

describe('the journey drawing of a map with segments', () => {
  const [whole] = drawnDiagrams(analysis(), 'journey');
  const shapes = whole!.drawing.shapes;

  it('draws each curve through exactly its points, never across a step without its feeling', () => {
    // The cards' centres: x = margin 8 + feeling column 112 + k x (card 124 + gap 12) + 62 = 182, 318, 454, 590 for
    // apply, talk, decide, sign. The neutral level is at y 203.5 (its label's baseline sits 0.35 x 11 = 3.85 under
    // it); a level is 17 apart; two segments are drawn 1.5 above (first) and 1.5 below (second) their level.
    const neutral = texts(shapes).find((t) => t.lines[0] === 'neutral')!;
    expect(neutral.y).toBeCloseTo(203.5 + 3.85, 9);
    // First-time buyer: apply 0 -> 202, talk -1 -> 219; decide not recorded breaks it; sign 1 -> 185 alone.
    expect(paths(shapes, 'curve:first-time').map((p) => p.d)).toEqual(['M182 202 L318 219']);
    expect(paths(shapes, 'point:first-time').map((p) => p.d)).toEqual([
      circle(182, 202, 3.5),
      circle(318, 219, 3.5),
      circle(590, 185, 3.5),
    ]);
    // Re-mortgager: apply 1 -> 188, talk skipped (no point, the curve goes on), decide 0 -> 205, sign 2 -> 171.
    expect(paths(shapes, 'curve:remortgage').map((p) => p.d)).toEqual(['M182 188 L454 205 L590 171']);
    expect(paths(shapes, 'point:remortgage').map((p) => p.d)).toEqual([
      circle(182, 188, 3.5),
      circle(454, 205, 3.5),
      circle(590, 171, 3.5),
    ]);
  });

  it("shows a step without a segment's feeling as a ring in its colour, in the row of feelings not recorded", () => {
    // The row is a level above very good: 203.5 - 3 x 17 = 152.5; the first of two segments' rings 6 left of centre.
    expect(paths(shapes, 'unrecorded:first-time').map((p) => [p.d, p.stroke])).toEqual([
      [circle(448, 152.5, 5), JOURNEY_SEGMENTS.colour[0]],
    ]);
    expect(paths(shapes, 'unrecorded:remortgage')).toEqual([]);
    // No map curve beside the segments' own.
    expect(paths(shapes, 'curve')).toEqual([]);
  });

  it('gives each segment its own colour and dash, and a legend entry with its share', () => {
    const styles = ['curve:first-time', 'curve:remortgage'].map((r) => paths(shapes, r).map((p) => [p.stroke, p.dash]));
    expect(styles).toEqual([[['#0072B2', undefined]], [['#E69F00', '7 3']]]);
    expect(legend(shapes)).toEqual([
      'First-time buyer (60%)',
      'Re-mortgager (40%)',
      'feeling not recorded',
      'Home buyer acts',
      'with the company, frontstage',
    ]);
  });

  it('on a 16:9 slide: no text under the readable minimum, and the SVG is well-formed XML', () => {
    const parts = drawnDiagrams(analysis(), 'journey', PAGES['16:9']);
    expect(parts.length).toBe(1);
    const sizes = parts.flatMap((p) => texts(p.drawing.shapes).map((t) => t.size * p.scale));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(parts.map((p) => xmlProblem(p.svg))).toEqual([undefined]);
  });
});

describe('a step without a feeling of its own where every segment records one', () => {
  it('joins each curve through it, with no ring and no "feeling not recorded" in the legend', () => {
    const yaml = FIXTURE.replace(
      'for: { remortgage: { feeling: 0 } }',
      "for: { remortgage: { feeling: 0 }, 'first-time': { feeling: 1 } }",
    );
    const shapes = drawnDiagrams(analyzeExact(mapOf(yaml)), 'journey')[0]!.drawing.shapes;
    // Without the row of feelings not recorded, the levels move up one (17): neutral at 186.5. First-time buyer,
    // 1.5 above its level: apply 0 -> 185, talk -1 -> 202, decide 1 -> 168, sign 1 -> 168.
    expect(paths(shapes, 'curve:first-time').map((p) => p.d)).toEqual(['M182 185 L318 202 L454 168 L590 168']);
    expect(paths(shapes, 'unrecorded:first-time')).toEqual([]);
    expect(legend(shapes)).toEqual([
      'First-time buyer (60%)',
      'Re-mortgager (40%)',
      'Home buyer acts',
      'with the company, frontstage',
    ]);
  });
});

describe('segments that record no feeling (test/fixtures/segments.cxmap.yaml)', () => {
  it("shows each segment's ring at each step of the main path, and names the segments in the legend", () => {
    const map = mapOf(readFileSync(new URL('../fixtures/segments.cxmap.yaml', import.meta.url), 'utf8'));
    const shapes = drawnDiagrams(analyzeExact(map), 'journey')[0]!.drawing.shapes;
    expect(['first-time', 'remortgage'].map((id) => paths(shapes, `unrecorded:${id}`).length)).toEqual([2, 2]);
    expect(['first-time', 'remortgage'].flatMap((id) => paths(shapes, `curve:${id}`))).toEqual([]);
    expect(legend(shapes)).toEqual([
      'First-time buyer (60%)',
      'Re-mortgager (40%)',
      'feeling not recorded',
      'Home buyer acts',
      'with the company, frontstage',
    ]);
  });
});

describe('more than five segments', () => {
  // Six segments, 30/20/20/10/10/10 %: the five largest are drawn (the first written of equal shares first),
  // in the map's order; the sixth is named in the lead.
  const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
  const shares = [10, 30, 20, 10, 20, 10];
  const yaml = `cxmap: 1
process: { name: Pay a bill, customer: Customer, goal: Pay }
actors: { me: { kind: customer, name: Customer } }
segments:
${names.map((n, k) => `  s${k}: { name: ${n}, share: ${shares[k]}% }`).join('\n')}
steps:
  - { id: read, name: Read the bill, actor: me, feeling: 0, next: pay }
  - { id: pay, name: Pay the bill, actor: me, feeling: 1, outcome: success }
`;
  const analysis6 = analyzeExact(mapOf(yaml));

  it('draws the five largest, each in its own colour, and names the others in the lead', () => {
    const model = journeyModel(analysis6);
    expect(model.segments.map((g) => g.name)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo']);
    expect(model.undrawn).toEqual(['Foxtrot']);
    const shapes = drawnDiagrams(analysis6, 'journey')[0]!.drawing.shapes;
    const strokes = ['s0', 's1', 's2', 's3', 's4', 's5'].map((id) => paths(shapes, `curve:${id}`).map((p) => p.stroke));
    expect(strokes).toEqual([...JOURNEY_SEGMENTS.colour.map((c) => [c]), []]);
    const lead = texts(shapes)
      .find((t) => t.role === 'lead')!
      .lines.join(' ');
    expect(lead).toMatch(/Feelings drawn for the 5 largest segments; not drawn: Foxtrot\.$/);
    expect(legend(shapes)).toEqual([
      'Alpha (10%)',
      'Bravo (30%)',
      'Charlie (20%)',
      'Delta (10%)',
      'Echo (20%)',
      'Customer acts',
    ]);
  });
});

describe('any feelings per segment', () => {
  // Four steps of the customer's in a row; the second segment overrides a step's feeling, skips a middle step, or
  // takes the step's own (which may be none).
  const own = fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined });
  const override = fc.oneof(
    fc.constant('same' as const),
    fc.constant('skip' as const),
    fc.integer({ min: -2, max: 2 }),
  );
  it("draws a point at each step with the segment's feeling, and a line only between steps it lives one after another", () => {
    fc.assert(
      fc.property(
        fc.array(own, { minLength: 4, maxLength: 4 }),
        fc.array(override, { minLength: 4, maxLength: 4 }),
        (base, other) => {
          const steps = base.map((f, k) => {
            const o = other[k]!;
            const skip = o === 'skip' && k > 0 && k < 3;
            const differs = skip ? '{ skip: true }' : typeof o === 'number' ? `{ feeling: ${o} }` : undefined;
            return [
              `  - id: s${k}`,
              `    name: Step ${k}`,
              '    actor: me',
              ...(f === undefined ? [] : [`    feeling: ${f}`]),
              ...(differs ? [`    for: { b: ${differs} }`] : []),
              k < 3 ? `    next: s${k + 1}` : '    outcome: success',
            ].join('\n');
          });
          const yaml = `cxmap: 1
process: { name: Steps, customer: Customer, goal: Done }
actors: { me: { kind: customer, name: Customer } }
segments: { a: { name: A, share: 50% }, b: { name: B, share: 50% } }
steps:
${steps.join('\n')}
`;
          const model = journeyModel(analyzeExact(mapOf(yaml)));
          const shapes = drawnDiagrams(analyzeExact(mapOf(yaml)), 'journey')[0]!.drawing.shapes;
          for (const g of model.segments) {
            const lived = g.feelings.filter((f) => f !== 'skip');
            const recorded = lived.filter((f) => f !== undefined).length;
            const joined = lived.filter((f, k) => f !== undefined && lived[k - 1] !== undefined).length;
            expect(paths(shapes, `point:${g.id}`).length).toBe(recorded);
            expect(paths(shapes, `unrecorded:${g.id}`).length).toBe(lived.length - recorded);
            const lines = paths(shapes, `curve:${g.id}`).map((p) => p.d.split(' L').length - 1);
            expect(lines.reduce((a, b) => a + b, 0)).toBe(joined);
          }
          expect(model.segments.map((g) => g.id)).toEqual(['a', 'b']);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('where the customers of a map with segments go', () => {
  it("blends each segment's shares by its own chances on the ways drawn from the map as written", () => {
    // test/fixtures/segments.cxmap.yaml: 30% of first-time buyers (60%) and 10% of re-mortgagers (40%) are sent back
    // to fix their application, then go on to the decision. As written (30%), the map said 30% and 70%.
    const model = journeyModel(
      analyzeExact(mapOf(readFileSync(new URL('../fixtures/segments.cxmap.yaml', import.meta.url), 'utf8'))),
    );
    const detour = model.branches.find((b) => b.kind === 'detour')!;
    expect(detour.steps.map((s) => s.id)).toEqual(['fix']);
    expect(detour.share).toBeCloseTo(0.6 * 0.3 + 0.4 * 0.1, 12); // 0.22
    expect(model.detoured).toBeCloseTo(0.22, 12);
    expect(model.asDrawn).toBeCloseTo(0.6 * 0.7 + 0.4 * 0.9, 12); // 0.78
  });
});
