/**
 * The timeline cxmap draws of the most likely path, checked on its scene with the font's metrics (no browser):
 * bars in the order of the path with widths in proportion to the hand-computed waits and work, parallel branches
 * starting together, the legend listing what is shown, every step exactly once across the parts of a 16:9 slide,
 * no text below 11 pt on the slide and none outside its place; and the Mermaid gantt chart printed from the same
 * model.
 */
import { describe, expect, it } from 'vitest';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, MIN_TEXT_PT, PAGES, PALETTE, VALUE_STYLE, CHART } from '../../src/render/index.js';
import { timeline } from '../../src/render/timeline.js';
import type { Shape } from '../../src/render/svg/scene.js';
import { mapOf } from '../helpers/analyze.js';
import { HEADER } from '../helpers/maps.js';
import { textBox, texts, within } from './boxes.js';

/**
 * a (1 h of work) -> b (waits 2 h, 1 h of work) -> both c (waits 3 d, 2 h) and d (waits 4 h, 30 m) -> e (1 h) ->
 * f (no time). In calendar days of 24 hours, from the trigger: a 0-1 h, b 1-4 h, c and d both from 4 h: c to 78 h,
 * d to 8.5 h; e from 78 h (the slowest branch) to 79 h; f at 79 h.
 */
const SMALL = `${HEADER}  - id: a
    name: Ask
    stage: One
    actor: me
    value: customer
    work: 1h
    next: b
  - id: b
    name: Book
    stage: One
    actor: desk
    value: business
    wait: 2h
    work: 1h
    next: { all: [c, d] }
  - id: c
    name: Check
    stage: Two
    actor: desk
    value: customer
    wait: 3d
    work: 2h
    next: e
  - id: d
    name: Draft
    stage: Two
    actor: desk
    wait: 4h
    work: 30m
    next: e
  - id: e
    name: Explain
    stage: Two
    actor: desk
    value: waste
    work: 1h
    next: f
  - id: f
    name: Finished
    stage: Two
    actor: me
    outcome: success
`;

/** The bars of a scene by their roles (`wait:c`, `work:c`), in the order drawn. */
const rects = (shapes: readonly Shape[]) =>
  new Map(
    shapes.flatMap((s) =>
      s.kind === 'rect' && /^(wait|dark|work):/.test(s.role ?? '') ? [[s.role!, s] as const] : [],
    ),
  );

describe('the timeline of the most likely path', () => {
  const analysis = analyzeExact(mapOf(SMALL));

  it('draws a bar per step, wait then work, in proportion to their hand-computed times', () => {
    const [drawn, ...more] = drawnDiagrams(analysis, 'timeline');
    expect(more).toHaveLength(0);
    const d = drawn!.drawing;
    // The plot starts after the margin (8), the names (240) and a gap (12): x = 260. It ends before a gap and the
    // column of figures, as wide as its bold heading "Wait + work" (Arial widths 944 556 278 333 278 584 278 778
    // 611 389 556 = 5,585 thousandths of 11 pt = 61.435 pt, wider than any figure) and 4 pt: 940 - 8 - 8 - 240 -
    // 12 - 12 - 65.435 = 594.565 pt for the 79 hours.
    const hour = 594.565 / 79;
    const x = (h: number) => 260 + h * hour;
    const bars = rects(d.shapes);
    expect([...bars.keys()]).toEqual([
      'work:a',
      'wait:b',
      'work:b',
      'wait:c',
      'dark:c',
      'work:c',
      'wait:d',
      'work:d',
      'work:e',
    ]);
    const expected: [string, number, number][] = [
      ['work:a', 0, 1],
      ['wait:b', 1, 2],
      ['work:b', 3, 1],
      // The branches start together at 4 h.
      // c waits 3 d: news is recent for the first day (the default darkAfter), then 2 d are dark time.
      ['wait:c', 4, 24],
      ['dark:c', 28, 48],
      ['work:c', 76, 2],
      ['wait:d', 4, 4],
      ['work:d', 8, 0.5],
      // The join starts when the slowest branch (c) is done.
      ['work:e', 78, 1],
    ];
    for (const [role, start, hours] of expected) {
      expect(bars.get(role)!.x, role).toBeCloseTo(x(start), 3);
      expect(bars.get(role)!.width, role).toBeCloseTo(hours * hour, 3);
    }
    // f takes no time: a diamond at 79 h, the end of the plot.
    const f = d.shapes.find((s) => s.kind === 'path' && s.role === 'milestone:f');
    expect(f && f.kind === 'path' && f.d.startsWith(`M${Math.round(x(79) * 10) / 10} `)).toBe(true);
    // Work in its value class's colour; of a wait of 3 days with no news, what is past the default day is dark; 2 h
    // is not; d's 4 h run beside c, the longer branch, off the critical path.
    expect(bars.get('work:a')!.fill).toBe(VALUE_STYLE.customer.band);
    expect(bars.get('work:b')!.fill).toBe(VALUE_STYLE.business.band);
    expect(bars.get('work:d')!.fill).toBe(VALUE_STYLE.none.band);
    expect(bars.get('work:e')!.fill).toBe(VALUE_STYLE.waste.band);
    expect(bars.get('wait:c')!.fill).toBe(CHART.waitLit);
    expect(bars.get('dark:c')!.fill).toBe(PALETTE.hot);
    expect(bars.get('wait:b')!.fill).toBe(CHART.waitLit);
    expect(bars.get('wait:d')!.fill).toBe(CHART.waitBeside);
    // The axis in days (79 h is over two): a tick every half day, 0 to 3 d.
    expect(
      texts(d)
        .filter((t) => t.role === 'axis')
        .map((t) => t.lines[0]),
    ).toEqual(['0', '0.5 d', '1 d', '1.5 d', '2 d', '2.5 d', '3 d']);
    // Each row's figure is its wait and work: 3 d + 2 h = 74 h = 3.1 d.
    expect(
      texts(d)
        .filter((t) => t.role === 'figure')
        .map((t) => t.lines[0]),
    ).toEqual(['1 h', '3 h', '3.1 d', '4 h 30 m', '1 h', '0']);
    expect(
      texts(d)
        .filter((t) => t.role === 'legend')
        .map((t) => t.lines[0]),
    ).toEqual([
      'waiting, news within 1.0 d',
      'waiting without news (dark time)',
      'waiting beside a longer branch',
      'value-adding work',
      'business-required work',
      'waste work',
      'not classed work',
      'no time (a milestone)',
    ]);
  });

  it('names in its legend only the bars a reader can see', () => {
    // 100 days of waiting and 1 h of work: the work is 594.565 x 1 / 2,401 = 0.25 pt wide, under the half point
    // the legend counts as shown.
    const yaml = `${HEADER}  - id: x
    name: Wait
    stage: One
    actor: desk
    wait: 100d
    next: y
  - id: y
    name: Work
    stage: Two
    actor: desk
    value: customer
    work: 1h
    outcome: success
`;
    const [drawn] = drawnDiagrams(analyzeExact(mapOf(yaml)), 'timeline');
    const legend = texts(drawn!.drawing).filter((t) => t.role === 'legend');
    // 100 d of waiting: the first day with recent news, the other 99 dark.
    expect(legend.map((t) => t.lines[0])).toEqual(['waiting, news within 1.0 d', 'waiting without news (dark time)']);
    expect(rects(drawn!.drawing.shapes).get('work:y')!.width).toBeCloseTo(594.565 / 2401, 4);
  });

  it('cuts a name longer than 120 characters, with the whole name as its tooltip', () => {
    const long = 'Check '.repeat(50).trim();
    const [drawn] = drawnDiagrams(analyzeExact(mapOf(SMALL.replace('name: Check', `name: ${long}`))), 'timeline');
    const name = texts(drawn!.drawing).find((t) => t.role === 'c')!;
    expect(name.tip).toBe(long);
    expect(name.lines.join(' ')).toBe(`${long.slice(0, 119)}…`);
    expect(drawn!.svg).toContain(`<title>${long}</title>`);
  });

  it('prints the Mermaid gantt chart from the same model: the same steps, in the same order and times', () => {
    const text = timeline(analysis, [0, 1, 2, 3, 4, 5], 'T');
    // Milliseconds: an hour is 3,600,000; the bars of the drawing above, in the same order.
    expect(text).toBe(
      [
        'gantt',
        '  title T',
        '  dateFormat x',
        '  axisFormat day %-j',
        '  todayMarker off',
        '  section One',
        '    \u200BAsk :active, s0, 0, 3600000',
        '    \u200Bwaits for Book :done, w1, 3600000, 10800000',
        '    \u200BBook :active, s1, 10800000, 14400000',
        '  section Two',
        '    \u200Bwaits for Check :crit, w2, 14400000, 273600000',
        '    \u200BCheck :active, s2, 273600000, 280800000',
        '    \u200Bwaits for Draft :done, w3, 14400000, 28800000',
        '    \u200BDraft :active, s3, 28800000, 30600000',
        '    \u200BExplain :active, s4, 280800000, 284400000',
        '    \u200BFinished :milestone, s5, 284400000, 284400000',
        '',
      ].join('\n'),
    );
  });
});

/** 10 steps in stage One, then 50 in stage Two, 1 h of work each. */
const LONG = `${HEADER}${Array.from(
  { length: 60 },
  (_, k) => `  - id: s${k}
    name: Step ${k}
    stage: ${k < 10 ? 'One' : 'Two'}
    actor: desk
    work: 1h
${k < 59 ? `    next: s${k + 1}\n` : '    outcome: success\n'}`,
).join('')}`;

describe('the timeline on a 16:9 slide', () => {
  const analysis = analyzeExact(mapOf(LONG));
  const parts = drawnDiagrams(analysis, 'timeline', PAGES['16:9']);

  it('is cut from one layout into parts, by whole stages where they fit', () => {
    // A part has 520 pt of height in the margins: the title (8 + 15 x 1.15 + 4 = 29.25), the sentence (12.65 + 6),
    // the axis (18.65), the legend (11 + 4 + 6 = 21) and the bottom margin (8) leave 424.45 pt for rows. A stage's
    // heading takes 18.65, a step 16.65 (a line of 12.65, and 4). Stage One (185.15) fits; Two (851.15) does not,
    // even alone: it is cut after 24 steps (18.65 + 24 x 16.65 = 418.25), and its later parts repeat its heading.
    const steps = parts.map((p) =>
      texts(p.drawing)
        .filter((t) => /^s\d+$/.test(t.role ?? ''))
        .map((t) => t.role),
    );
    expect(steps.map((s) => s.length)).toEqual([10, 24, 24, 2]);
    expect(steps.flat()).toEqual(Array.from({ length: 60 }, (_, k) => `s${k}`));
    expect(
      parts.map((p) =>
        texts(p.drawing)
          .filter((t) => t.role === 'stage')
          .map((t) => t.lines[0]),
      ),
    ).toEqual([['One'], ['Two'], ['Two'], ['Two']]);
    expect(parts.map((p) => p.part?.index)).toEqual([1, 2, 3, 4]);
  });

  it('keeps every text at 11 pt or more on the slide and inside its place', () => {
    for (const p of parts) {
      const d = p.drawing;
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expect(d.width * p.scale).toBeLessThanOrEqual(PAGES['16:9'].width);
      expect(d.height * p.scale).toBeLessThanOrEqual(PAGES['16:9'].height);
      for (const t of texts(d)) {
        expect(t.size * p.scale).toBeGreaterThanOrEqual(MIN_TEXT_PT);
        const box = textBox(t);
        expect(within(box, { x: 0, y: 0, w: d.width, h: d.height }), box.what).toBe(true);
        // A step's name stays in the column of names, left of the plot.
        if (/^s\d+$/.test(t.role ?? '')) expect(box.x + box.w, box.what).toBeLessThanOrEqual(8 + 240);
      }
    }
  });
});
