/**
 * The customer's journey, checked on its model and on its scene (no browser, no font installed): the shares of
 * its endings and detours are shares of all customers, its main path reaches the goal whoever does the last step,
 * its text stays inside its boxes without overlapping at 11 pt or more on a 16:9 page, every step of the main path
 * is on exactly one part, and Mermaid's journey lists the same steps with the same scores as the drawing.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { analyzeExact } from '../../src/analysis/index.js';
import { drawnDiagrams, JOURNEY, LINE_HEIGHT, MIN_TEXT_PT, PAGES, shorten, textWidth } from '../../src/render/index.js';
import { journey } from '../../src/render/journey.js';
import { journeyModel } from '../../src/render/svg/journey/model.js';
import type { Drawing, Shape } from '../../src/render/svg/scene.js';
import { mapOf } from '../helpers/analyze.js';
import { loadFile } from '../../src/load/index.js';

/**
 * A bill: 80 % read it and pay; 20 % find it wrong and phone, and of those 90 % get it corrected (then pay) and
 * 10 % give up. Of all customers: 0.2 x 0.1 = 2 % end unpaid, 0.2 x 0.9 = 18 % take the detour of a correction.
 * The goal (the payment booked) is the ledger's, a support system: the main path still ends there.
 */
const BILL = `cxmap: 1
process: { name: Pay a bill, customer: Customer, goal: Pay the bill }
actors:
  me: { kind: customer, name: Customer }
  desk: { kind: frontstage, name: Billing desk }
  back: { kind: backstage, name: Billing team }
  ledger: { kind: support, name: Ledger, type: system }
steps:
  - id: receive
    name: Read the bill
    actor: me
    channel: mail
    feeling: 0
    next:
      - { to: pay, chance: 80%, label: bill right }
      - { to: complain, chance: 20%, label: bill wrong }
  - id: complain
    name: Phone to complain
    actor: desk
    channel: phone
    wait: 1h
    work: 10m
    feeling: -2
    next:
      - { to: correct, chance: 90%, label: corrected }
      - { to: give-up, chance: 10%, label: not corrected }
  - { id: correct, name: Correct the bill, actor: back, wait: 2d, work: 15m, next: pay }
  - { id: give-up, name: Close the account unpaid, actor: back, outcome: failure }
  - { id: pay, name: Pay the bill, actor: me, channel: web, wait: 1d, work: 5m, feeling: 1, next: booked }
  - { id: booked, name: Book the payment, actor: ledger, work: 1m, outcome: success }
`;

const bill = () => analyzeExact(mapOf(BILL));

describe('the journey model', () => {
  const model = journeyModel(bill());

  it('runs the main path to the goal, though a support system does the last step', () => {
    expect(model.main.map((s) => [s.id, s.side])).toEqual([
      ['receive', 'customer'],
      ['pay', 'customer'],
      ['booked', 'hidden'],
    ]);
  });

  it('labels the ending with its share of all customers (2 %), and keeps the 18 % corrected as a detour', () => {
    expect(
      model.branches.map((b) => ({ ...b, share: Math.round(b.share * 1e6) / 1e6, steps: b.steps.map((s) => s.id) })),
    ).toEqual([
      {
        from: 0,
        kind: 'failure',
        back: undefined,
        choice: 'not corrected',
        share: 0.02,
        steps: ['complain', 'give-up'],
      },
      {
        from: 0,
        kind: 'detour',
        back: 'Pay the bill',
        choice: 'corrected',
        share: 0.18,
        steps: ['complain', 'correct'],
      },
    ]);
    const headings = drawnDiagrams(bill(), 'journey')[0]!.drawing.shapes.flatMap((s) =>
      s.kind === 'text' && s.role === 'branch' ? [s.lines.join(' ')] : [],
    );
    expect(headings).toEqual([
      'Ending, goal not reached · not corrected · 2\u00A0% of customers',
      'Detour, back to Pay the bill · corrected · 18\u00A0% of customers',
    ]);
  });

  it('keeps those who come straight back as a detour: a query resolved at once, 20 % x 90 % = 18 % of customers', () => {
    // The bill's correction done at the desk in the call itself: the 90 % resolved go straight on to paying, a step
    // of the main path, so no step off the path leads them back (the review of a new map found them missing).
    const direct = BILL.replace('{ to: correct, chance: 90%', '{ to: pay, chance: 90%').replace(
      /\n {2}- \{ id: correct,[^\n]*/,
      '',
    );
    const branches = journeyModel(analyzeExact(mapOf(direct))).branches.map((b) => ({
      kind: b.kind,
      choice: b.choice,
      back: b.back,
      share: Math.round(b.share * 1e6) / 1e6,
      steps: b.steps.map((x) => x.id),
    }));
    expect(branches).toEqual([
      { kind: 'failure', choice: 'not corrected', back: undefined, share: 0.02, steps: ['complain', 'give-up'] },
      { kind: 'detour', choice: 'corrected', back: 'Pay the bill', share: 0.18, steps: ['complain'] },
    ]);
  });

  it('puts the row of feelings not recorded above the scale, never below "very bad" as if it were worse', () => {
    // The booking (the ledger's) has no feeling: its hollow mark stands in a row of its own above "very good".
    const texts = drawnDiagrams(bill(), 'journey')[0]!.drawing.shapes.flatMap((s) => (s.kind === 'text' ? [s] : []));
    const y = (label: string) => texts.find((t) => t.lines[0] === label)!.y;
    expect(y('not recorded')).toBeLessThan(y('very good'));
    expect(y('very good')).toBeLessThan(y('very bad'));
    expect(y('Feeling')).toBeLessThan(y('not recorded'));
  });

  it('shows the wait before each step of the main path: the customer waits 1 day to pay, none before the rest', () => {
    // Paying waits 1 d; reading starts the case and the booking follows the payment at once.
    expect(model.main.map((s) => s.wait)).toEqual([0, 86_400, 0]);
    const svg = drawnDiagrams(bill(), 'journey')[0]!.svg;
    expect(svg.match(/>waits [^<]*</g)).toEqual(['>waits 1.0 d<']);
  });
});

/** Where a text shape's lines stand: from the top of the first line's capitals to the bottom of the last. */
function textBox(t: Extract<Shape, { kind: 'text' }>) {
  const width = Math.max(...t.lines.map((l) => textWidth(l, t.size, t.bold)));
  const x = t.anchor === 'middle' ? t.x - width / 2 : t.anchor === 'end' ? t.x - width : t.x;
  const top = t.y - t.size * 0.8;
  return { x, y: top, width, height: (t.lines.length - 1) * t.size * LINE_HEIGHT + t.size, text: t.lines.join(' ') };
}
type Box = { x: number; y: number; width: number; height: number };
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.01 &&
  a.y >= b.y - 0.01 &&
  a.x + a.width <= b.x + b.width + 0.01 &&
  a.y + a.height <= b.y + b.height + 0.01;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function expectLegible(d: Drawing) {
  const texts = d.shapes.filter((s) => s.kind === 'text');
  const rects = d.shapes.filter((s) => s.kind === 'rect');
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) {
    expect(t.size).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    const box = textBox(t);
    expect(inside(box, { x: 0, y: 0, width: d.width, height: d.height }), box.text).toBe(true);
    // A card's text and a wait's text stand inside their card or pill.
    const owner = /^(?:name|who):(.*)$/.exec(t.role ?? '')?.[1] ?? (t.role?.startsWith('wait:') ? t.role : undefined);
    if (owner !== undefined)
      expect(
        rects.some((r) => r.role === owner && inside(box, r)),
        box.text,
      ).toBe(true);
  }
  // A wait's pill stands clear of every other box and of the marks on the cards (the star, the F, the feelings).
  const marks = d.shapes.flatMap((s) => {
    const circle = s.kind === 'path' ? /^M([\d.]+) ([\d.]+) A([\d.]+)/.exec(s.d) : null;
    const star = s.kind === 'path' && /^M[\d. L]+Z$/.test(s.d) ? s.d.match(/[\d.]+/g)!.map(Number) : null;
    if (circle) {
      const [x, y, r] = circle.slice(1).map(Number) as [number, number, number];
      return [{ x, y: y - r, width: 2 * r, height: 2 * r }];
    }
    if (!star) return [];
    const xs = star.filter((_, k) => k % 2 === 0);
    const ys = star.filter((_, k) => k % 2 === 1);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return [{ x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y }];
  });
  const pills = rects.filter((r) => r.role?.startsWith('wait:'));
  for (const pill of pills)
    for (const other of [...rects.filter((r) => r !== pill), ...marks])
      expect(overlap(pill, other), `${pill.role} and a box or mark at ${other.x}, ${other.y}`).toBe(false);
  const boxes = texts.map(textBox);
  for (const [k, a] of boxes.entries())
    for (const b of boxes.slice(k + 1)) expect(overlap(a, b), `"${a.text}" and "${b.text}"`).toBe(false);
}

describe('the journey on a 16:9 page', () => {
  it('drawn whole (no page), the energy switch and the bill: text inside its box, no overlap', () => {
    for (const yaml of [readFileSync('test/fixtures/energy-switch.cxmap.yaml', 'utf8'), BILL]) {
      const [whole, ...more] = drawnDiagrams(analyzeExact(mapOf(yaml)), 'journey');
      expect(more).toEqual([]);
      expectLegible(whole!.drawing);
    }
  });

  const energy = analyzeExact(mapOf(readFileSync('test/fixtures/energy-switch.cxmap.yaml', 'utf8')));

  it('the energy switch: parts of one size, text inside its box, no overlap, 11 pt or more, each step once', () => {
    const parts = drawnDiagrams(energy, 'journey', PAGES['16:9']);
    // Its 7 steps of the main path and 4 ways off it do not fit one slide at 11 pt.
    expect(parts.length).toBe(2);
    for (const p of parts) {
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expect([p.drawing.width, p.drawing.height]).toEqual([parts[0]!.drawing.width, parts[0]!.drawing.height]);
      expectLegible(p.drawing);
    }
    const model = journeyModel(energy);
    expect(model.main.map((s) => s.id)).toEqual([
      'sign-up',
      'confirm',
      'cooling-off',
      'identity',
      'meter-read',
      'final-bill',
      'settled',
    ]);
    // Each step of the main path is the first card of its id on exactly one part (ways off it may repeat it).
    const mainCards = parts.flatMap((p) => {
      const cards = p.drawing.shapes.flatMap((s) =>
        s.kind === 'rect' && model.main.some((m) => m.id === s.role) ? [s] : [],
      );
      return cards.filter((c) => c.y === cards[0]!.y).map((c) => c.role);
    });
    expect(mainCards).toEqual(model.main.map((s) => s.id));
  });

  it('a long journey with many ways off it: every part fits at 11 pt, every step of the main path once', () => {
    const steps = Array.from({ length: 30 }, (_, k) => {
      const next =
        k === 29
          ? ''
          : k % 3 === 0
            ? `\n    next:\n      - { to: s${k + 1}, chance: 90% }\n      - { to: x${k}, chance: 10%, label: a rather long reason why some customers stop here }`
            : `\n    next: s${k + 1}`;
      const end =
        k % 3 === 0 && k < 29
          ? `\n  - { id: x${k}, name: Give up at step ${k}, actor: me, channel: web, outcome: failure }`
          : '';
      return `  - id: s${k}\n    name: Step ${k} of a journey with a name long enough to wrap over lines\n    actor: ${k % 2 ? 'desk' : 'me'}\n    channel: web\n    wait: ${k + 1}h${k % 4 ? `\n    feeling: ${(k % 5) - 2}` : ''}${next}${end}`;
    });
    const yaml = `cxmap: 1\nprocess: { name: Long, customer: Customer, goal: Reach the end }\nactors:\n  me: { kind: customer, name: Customer }\n  desk: { kind: frontstage, name: Desk }\nsteps:\n${steps.join('\n')}\n`;
    const analysis = analyzeExact(mapOf(yaml));
    const parts = drawnDiagrams(analysis, 'journey', PAGES['16:9']);
    // Six columns to a 16:9 slide at 11 pt (8 + 112 + 6 x 136 - 12 + 8 = 932 of 940 points): 30 in 5 parts.
    expect(parts.length).toBe(5);
    const ids = new Set(Array.from({ length: 30 }, (_, k) => `s${k}`));
    const seen: string[] = [];
    for (const p of parts) {
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expectLegible(p.drawing);
      for (const s of p.drawing.shapes) if (s.kind === 'rect' && s.role && ids.has(s.role)) seen.push(s.role);
    }
    expect(seen).toEqual([...ids]);
    // Every ending is drawn once, with its share of all customers: 10 % of the 0.9^n who reach the n-th choice
    // (0.1, 0.09, 0.081, 0.0729 ... 0.1 x 0.9^9 = 0.0387).
    const shares = parts.flatMap((p) =>
      p.drawing.shapes.flatMap((s) =>
        s.kind === 'text' && s.role === 'branch'
          ? [/· ([\d.]+)\u00A0% of customers$/.exec(s.lines.join(' '))?.[1]]
          : [],
      ),
    );
    expect(shares).toEqual(['10', '9', '8.1', '7.3', '6.6', '5.9', '5.3', '4.8', '4.3', '3.9']);
  });

  it('a step with more ways off it than a slide holds: the rest go on to parts of their own, at 11 pt', () => {
    const ways = Array.from({ length: 9 }, (_, k) => `      - { to: x${k}, chance: 10%, label: reason ${k} }`);
    const ends = Array.from(
      { length: 9 },
      (_, k) => `  - { id: x${k}, name: Give up for reason ${k}, actor: desk, channel: phone, outcome: failure }`,
    );
    const yaml = `cxmap: 1\nprocess: { name: Many ways, customer: Customer, goal: Done }\nactors:\n  me: { kind: customer, name: Customer }\n  desk: { kind: frontstage, name: Desk }\nsteps:\n  - id: ask\n    name: Ask\n    actor: me\n    channel: web\n    next:\n      - { to: done, chance: 10% }\n${ways.join('\n')}\n  - { id: done, name: Done, actor: me, channel: web, outcome: success }\n${ends.join('\n')}\n`;
    const parts = drawnDiagrams(analyzeExact(mapOf(yaml)), 'journey', PAGES['16:9']);
    const headings = parts.map((p) => p.drawing.shapes.filter((s) => s.kind === 'text' && s.role === 'branch').length);
    // Each way takes 6 + 39.3 (its card of two lines, 2 x 12.65 + 14, beside its heading) + 4 = 49.3 points, and
    // the line under the title (how many go the main path as drawn) two lines, 2 x 12.65 + 6 = 31.3: the part
    // with four is 481.35 points high, a fifth would make it 530.65 of the 520 inside a 16:9 slide's margins; the
    // other five go on to parts of their own, four and one.
    expect(headings).toEqual([4, 4, 1]);
    // On their own part, the ways say where they leave the main path.
    const own = parts[1]!.drawing.shapes.flatMap((s) =>
      s.kind === 'text' && s.role === 'branch' ? [s.lines.join(' ')] : [],
    );
    expect(own[0]).toBe('Ending, goal not reached · reason 4 · 10\u00A0% of customers · after Ask');
    for (const p of parts) {
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expectLegible(p.drawing);
    }
  });
  it('a likely path with no step the customer lives: its ways off are all drawn, at 11 pt', () => {
    // The likely path runs start, a, b and stops (b leads back to a): all office work. Nine endings leave a.
    const ends = Array.from({ length: 9 }, (_, k) => `x${k}`);
    const yaml = `cxmap: 1\nprocess: { name: Unseen, customer: Customer, goal: Done }\nactors:\n  me: { kind: customer, name: Customer }\n  office: { kind: backstage, name: Office }\nsteps:\n  - { id: start, name: Start, actor: office, next: a }\n  - id: a\n    name: A\n    actor: office\n    next:\n      - { to: b, chance: 64% }\n${ends.map((x) => `      - { to: ${x}, chance: 4% }`).join('\n')}\n  - { id: b, name: B, actor: office, next: a }\n${ends.map((x) => `  - { id: ${x}, name: Told ${x}, actor: me, channel: mail, outcome: failure }`).join('\n')}\n`;
    const analysis = analyzeExact(mapOf(yaml));
    expect(journeyModel(analysis).main).toEqual([]);
    const parts = drawnDiagrams(analysis, 'journey', PAGES['16:9']);
    const drawn: string[] = [];
    for (const p of parts) {
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expectLegible(p.drawing);
      for (const s of p.drawing.shapes) if (s.kind === 'rect' && ends.includes(s.role!)) drawn.push(s.role!);
    }
    expect(drawn).toEqual(ends);
  });
  it('a 10 KB name of a step and of an actor: cut at 120 characters with an ellipsis, whole in the tooltip, at 11 pt', () => {
    const long = 'word '.repeat(2000).trim();
    const yaml = BILL.replace('name: Read the bill', `name: ${long}`).replace('name: Billing desk', `name: ${long}`);
    const parts = drawnDiagrams(analyzeExact(mapOf(yaml)), 'journey', PAGES['16:9']);
    for (const p of parts) {
      expect(p.scale).toBeGreaterThanOrEqual(1);
      expectLegible(p.drawing);
    }
    const shapes = parts.flatMap((p) => p.drawing.shapes);
    const cut = shapes.filter((s) => s.kind === 'text' && s.tip?.startsWith(long));
    // The name of the first card, and who the customer deals with on the two cards of the Billing desk (its name
    // and channel: `${long} · phone`).
    expect(cut.map((s) => s.role)).toEqual(['name:receive', 'who:complain', 'who:complain']);
    const text = shapes.flatMap((s) => (s.kind === 'text' && s.role === 'name:receive' ? s.lines : []));
    // The first 119 characters (23 times 'word ' is 115, then 'word'), then the ellipsis: 120 characters.
    expect(text.join(' ')).toBe(`${'word '.repeat(23)}word…`);
  });
});

describe("Mermaid's journey and the drawing list the same steps with the same scores", () => {
  it.each([
    ['the bill', BILL],
    ['the energy switch', readFileSync('test/fixtures/energy-switch.cxmap.yaml', 'utf8')],
  ])('%s', (_, yaml) => {
    const analysis = analyzeExact(mapOf(yaml));
    const { map } = analysis;
    const text = journey(
      analysis,
      map.steps.map((s) => s.index),
      'x',
    );
    // Mermaid's tasks: the name (after the marks, before the wait on the main path) and the score.
    const tasks = [...text.matchAll(/^ {4}\u200B(?:★ )?(?:⚠ )?(.*?)(?: \(waits [^)]*\))?: (\d): /gm)].map(
      (m) => `${m[1]} = ${m[2]}`,
    );
    // The drawing's cards in order, each scored by the colour of its feeling (3 for a hollow mark, as Mermaid).
    const drawing = drawnDiagrams(analysis, 'journey')[0]!.drawing;
    const score = new Map(Object.entries(JOURNEY.feeling).map(([f, colour]) => [colour, 3 + Number(f)]));
    const dots = drawing.shapes.filter((s) => s.kind === 'path' && s.d.includes(' A'));
    const cards = drawing.shapes.filter((s) => s.kind === 'rect' && map.steps.some((m) => m.id === s.role));
    const drawn = cards.map((c) => {
      if (c.kind !== 'rect') throw new Error('a card is a box');
      const dot = dots.find((d) => {
        const [x, y] = /^M([\d.]+) ([\d.]+)/
          .exec(d.kind === 'path' ? d.d : '')!
          .slice(1)
          .map(Number);
        return x! > c.x && x! < c.x + c.width && (y! > c.y + c.height || Math.abs(y! - c.y) < 0.1);
      });
      const name = shorten(map.steps.find((s) => s.id === c.role)!.name, 40);
      return `${name} = ${dot?.kind === 'path' ? (score.get(dot.fill!) ?? 3) : '?'}`;
    });
    expect(drawn).toEqual(tasks);
    expect(tasks.length).toBeGreaterThan(3);
  });
});

describe('the journey of any map (property)', () => {
  const actor = fc.constantFrom('me', 'desk', 'office', 'sys');
  const feeling = fc.constantFrom(undefined, -2, -1, 0, 1, 2);
  const block = fc.record({
    kind: fc.constantFrom('step', 'fail', 'rework', 'detour'),
    actor,
    feeling,
    wait: fc.constantFrom('0', '30m', '2d'),
    p: fc.integer({ min: 5, max: 95 }),
    back: fc.nat(3),
    also: actor,
  });
  /** A chain of steps after the first, each going on, or choosing between going on and an ending, a loop back or a detour. */
  const yamlOf = (
    blocks: { kind: string; actor: string; feeling?: number; wait: string; p: number; back: number; also: string }[],
  ) => {
    const n = blocks.length;
    const step = (id: string, a: string, rest: string) =>
      `  - id: ${id}\n    name: Step ${id} of a map\n    actor: ${a}\n    channel: web\n${rest}`;
    const lines = blocks.flatMap((b, k) => {
      const on = k + 1 < n ? `s${k + 1}` : 'goal';
      // A loop back is taken at most 30% of the time: nested loops of up to 14 blocks stay under the 1,000 passes a
      // map may ask of a step (1/0.7^14 = 147); 95% back in three nested loops asked 8,000 and made an invalid map.
      const go = b.kind === 'rework' ? Math.max(b.p, 70) : b.p;
      const way = (to: string) =>
        `    next:\n      - { to: ${on}, chance: ${go}% }\n      - { to: ${to}, chance: ${100 - go}%, label: way ${k} }\n`;
      const head = `    wait: ${b.wait}\n${b.feeling === undefined ? '' : `    feeling: ${b.feeling}\n`}`;
      switch (b.kind) {
        case 'fail':
          return [step(`s${k}`, b.actor, head + way(`f${k}`)), step(`f${k}`, b.also, '    outcome: failure\n')];
        case 'rework':
          return [step(`s${k}`, b.actor, head + way(`s${Math.max(0, k - b.back)}`))];
        case 'detour':
          return [
            step(`s${k}`, b.actor, head + way(`d${k}`)),
            step(
              `d${k}`,
              b.also,
              `    next:\n      - { to: ${on}, chance: 90% }\n      - { to: e${k}, chance: 10% }\n`,
            ),
            step(`e${k}`, b.actor, '    outcome: failure\n'),
          ];
        default:
          return [step(`s${k}`, b.actor, `${head}    next: ${on}\n`)];
      }
    });
    return `cxmap: 1\nprocess: { name: P, customer: C, goal: G }\nactors:\n  me: { kind: customer, name: Me }\n  desk: { kind: frontstage, name: Desk }\n  office: { kind: backstage, name: Office }\n  sys: { kind: support, name: System }\nsteps:\n${step('start', 'me', '    next: s0\n')}${lines.join('')}${step('goal', 'sys', '    outcome: success\n')}`;
  };

  it('every ending is drawn once with the share of customers who end there; the shares of the endings sum to 1', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 9 }), (blocks) => {
        const analysis = analyzeExact(mapOf(yamlOf(blocks)));
        const { map, time } = analysis;
        const model = journeyModel(analysis);
        const last = model.main.at(-1)!;
        expect(map.steps[last.index]!.next.kind).toBe('end');
        const endings = model.branches.filter((b) => b.kind !== 'detour');
        const ends = [last.index, ...endings.map((b) => b.steps.at(-1)!.index)];
        expect([...ends].sort((a, b) => a - b)).toEqual(
          map.steps.filter((s) => s.next.kind === 'end').map((s) => s.index),
        );
        for (const b of endings) expect(b.share).toBeCloseTo(time.visits[b.steps.at(-1)!.index]!, 12);
        for (const b of model.branches) expect(b.share).toBeGreaterThan(0);
        const total = time.visits[last.index]! + endings.reduce((sum, b) => sum + b.share, 0);
        expect(total).toBeCloseTo(1, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('on a 16:9 page: every part at 11 pt or more, text inside its box, and each step of the main path once', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 14 }), (blocks) => {
        const analysis = analyzeExact(mapOf(yamlOf(blocks)));
        const main = journeyModel(analysis).main.map((s) => s.id);
        const parts = drawnDiagrams(analysis, 'journey', PAGES['16:9']);
        const cards: string[] = [];
        for (const p of parts) {
          expect(p.scale).toBeGreaterThanOrEqual(1);
          expectLegible(p.drawing);
          const own = p.drawing.shapes.flatMap((s) => (s.kind === 'rect' && main.includes(s.role!) ? [s] : []));
          cards.push(...own.filter((c) => c.y === own[0]!.y).map((c) => c.role!));
        }
        expect(cards).toEqual(main);
      }),
      { numRuns: 40 },
    );
  });
});

describe('the share that takes a detour inside parallel work', () => {
  it('is never said to be less than that of a detour drawn beside it', () => {
    // Moving in: the customer phones to chase the solicitor's searches, a detour inside the legal work that runs
    // beside the valuation. The chain the share is solved on passes over parallel work, so it found 0% while the
    // detour itself is drawn with its own share; the share of at least one detour is at least that.
    const model = journeyModel(analyzeExact(loadFile('examples/lifecycle/move-in.cxmap.yaml').map!));
    const detours = model.branches.filter((b) => b.kind === 'detour');
    expect(detours.length).toBeGreaterThan(0);
    const largest = Math.max(...detours.map((b) => b.share));
    expect(largest).toBeGreaterThan(0.2);
    expect(model.detoured).toBe(largest);
  });
});
