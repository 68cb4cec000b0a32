/**
 * The labels of the charts of points (the value/delay matrix, the opportunities by value and effort), checked on the
 * layout with the font's metrics, no browser: no label touches another label, a point's mark or a region's title;
 * no leader runs through a label; and every point is found on the chart, by its name or its number, or the key
 * says that there was no room for its number. A crowded corner near the origin used to lose every number.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams } from '../../src/render/index.js';
import type { Drawing } from '../../src/render/svg/scene.js';
import { crosses, quadrantDrawing, type Point, type Region } from '../../src/render/svg/quadrants.js';
import { mapOf } from '../helpers/analyze.js';
import { HEADER } from '../helpers/maps.js';
import { overlap, textBox, texts, type Box } from './boxes.js';

/** `n` quick steps of low value (waste, business-required, not classed in turn), then one long wait. */
function crowded(n: number): string {
  const quick = Array.from(
    { length: n },
    (_, k) => `  - id: s${k}
    name: Quick step ${k}
    stage: One
    actor: desk
${['    value: waste\n', '    value: business\n', ''][k % 3]}    wait: ${k * 7}m
    work: ${k + 1}m
    next: ${k + 1 < n ? `s${k + 1}` : 'long'}
`,
  ).join('');
  return `${HEADER}${quick}  - id: long
    name: The long wait
    stage: Two
    actor: desk
    value: customer
    wait: 20d
    work: 1h
    outcome: success
`;
}

const NO_ROOM = '(no room for its number on the chart)';

/** What a drawn chart shows, read back from its scene. */
function read(d: Drawing) {
  const role = (r: string) => texts(d).filter((t) => t.role === r);
  const dots = d.shapes.flatMap((s) => {
    if (s.kind !== 'path' || !s.role?.startsWith('point:')) return [];
    const [, x, y, r] = /^M([\d.-]+) ([\d.-]+) A([\d.]+)/.exec(s.d)!.map(Number);
    return [{ x: x!, y: y! - r!, w: 2 * r!, h: 2 * r!, what: s.role }];
  });
  const leaders = d.shapes.flatMap((s) => {
    if (s.kind !== 'path' || s.role || !/^M[\d.-]+ [\d.-]+ L[\d.-]+ [\d.-]+$/.test(s.d)) return [];
    const [x1, y1, x2, y2] = s.d.match(/[\d.-]+/g)!.map(Number);
    return [{ x1: x1!, y1: y1!, x2: x2!, y2: y2! }];
  });
  const keyed = texts(d).some((t) => t.lines[0] === 'Key');
  return {
    labels: role('label').map(textBox),
    titles: role('region').map(textBox),
    keys: role('key').map((t) => t.lines.join(' ')),
    dots,
    leaders,
    keyed,
  };
}

/** The geometry every chart of points keeps, whatever its points. */
function expectClear(d: Drawing) {
  const { labels, titles, dots, leaders } = read(d);
  for (const [k, a] of labels.entries()) {
    for (const b of labels.slice(k + 1)) expect(overlap(a, b), `label ${a.what} on label ${b.what}`).toBe(false);
    for (const b of [...dots, ...titles]) expect(overlap(a, b), `label ${a.what} on ${b.what}`).toBe(false);
  }
  // A leader ends on the edge of its own label; it runs through no other (the SVG's coordinates are rounded to a
  // tenth of a point, so the boxes are taken 0.2 pt smaller).
  const inner = (b: Box) => ({ x: b.x + 0.2, y: b.y + 0.2, w: b.w - 0.4, h: b.h - 0.4 });
  for (const line of leaders)
    for (const b of [...labels, ...titles]) {
      const own =
        Math.abs(line.x2 - Math.max(b.x, Math.min(line.x2, b.x + b.w))) < 0.2 &&
        Math.abs(line.y2 - Math.max(b.y, Math.min(line.y2, b.y + b.h))) < 0.2;
      if (!own) expect(crosses(line, inner(b)), `a leader through ${b.what}`).toBe(false);
    }
}

/** The numbers shown on the chart, and those the key says have no room there. */
function numbers(d: Drawing) {
  const { labels, keys } = read(d);
  const shown = labels.flatMap((l) => l.what.split(', ').map(Number));
  const missing = keys.flatMap((k, i) => (k.endsWith(NO_ROOM) ? [i + 1] : []));
  return { shown: new Set(shown), missing: new Set(missing), count: keys.length };
}

describe('labels of the value/delay matrix near the origin', () => {
  it('40 steps of little delay and low value: every one numbered, no label on another, a dot, a title or a leader', () => {
    const [drawn] = drawnDiagrams(analyzeExact(mapOf(crowded(40))), 'matrix');
    const d = drawn!.drawing;
    expect(read(d).keyed).toBe(true);
    expectClear(d);
    const { shown, missing, count } = numbers(d);
    expect(count).toBe(41);
    expect([...shown].sort((a, b) => a - b)).toEqual(Array.from({ length: 41 }, (_, k) => k + 1));
    expect(missing.size).toBe(0);
  });

  it('150 such steps: no point is lost, each numbered on the chart or named in the key as having no room', () => {
    const [drawn] = drawnDiagrams(analyzeExact(mapOf(crowded(150))), 'matrix');
    const d = drawn!.drawing;
    expectClear(d);
    const { shown, missing, count } = numbers(d);
    expect(count).toBe(151);
    // Each point exactly once: on the chart or in the key's note, never both, never neither.
    expect(shown.size + missing.size).toBe(151);
    for (const k of missing) expect(shown.has(k), String(k)).toBe(false);
    // Most are numbered: before, one number without a place made the chart drop every number.
    expect(shown.size).toBeGreaterThan(100);
  });
});

const QUADRANTS: Region[] = [
  { id: 'a', left: 0, right: 0.5, top: 0, bottom: 0.5, title: 'Quick wins', fill: '#EEEEEE', align: 'left' },
  { id: 'b', left: 0.5, right: 1, top: 0, bottom: 0.5, title: 'Major projects', fill: '#EEEEEE', align: 'right' },
  { id: 'c', left: 0, right: 0.5, top: 0.5, bottom: 1, title: 'Fill-ins', fill: '#EEEEEE', align: 'left' },
  { id: 'd', left: 0.5, right: 1, top: 0.5, bottom: 1, title: 'Thankless tasks', fill: '#EEEEEE', align: 'right' },
];

describe('labels of any chart of points', () => {
  // Positions near a corner most of the time, where points crowd.
  const position = fc.oneof(fc.double({ min: 0, max: 0.08, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
  const point = fc.record({
    region: fc.integer({ min: 0, max: 3 }),
    u: position,
    v: position,
    name: fc.string({ minLength: 1, maxLength: 40 }),
  });

  it('never put a label on another, a dot, a title or a leader, and lose no point', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 120, size: 'max' }), (raw) => {
        const points: Point[] = raw.map((p, k) => ({ ...p, id: `p${k}`, key: k + 1, colour: '#000000' }));
        const d = quadrantDrawing({
          title: 'Chart',
          regions: QUADRANTS,
          points,
          yLabels: [],
          xLabels: [],
          yCaption: 'up',
          xCaption: 'across',
          legend: [],
        });
        expectClear(d);
        const { labels, keyed } = read(d);
        if (!keyed) {
          // Names: every point has its own label, beside it.
          expect(labels.length).toBe(points.length);
          return;
        }
        const { shown, missing, count } = numbers(d);
        expect(count).toBe(points.length);
        for (const k of points.map((p) => p.key)) expect(shown.has(k) !== missing.has(k), String(k)).toBe(true);
      }),
      {
        numRuns: 40,
        // Found by the property: 36 points at one place share a label too wide for the plot, and a blank name
        // leaves only the key's note.
        examples: [[Array.from({ length: 36 }, () => ({ region: 0, u: 0, v: 0, name: ' ' }))]],
      },
    );
  });
});
