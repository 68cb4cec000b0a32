/**
 * The lifecycle strip of a portfolio, drawn: the journeys in the order the customer lives them, each a block of its
 * stages under its name; in each stage a dot at the worst feeling the customer records there (very bad to very good,
 * the words of the map's scale at the left), joined by a line between neighbouring stages that both record one; and
 * before each journey but the first, an arrow where the one before hands the customer on to it, the feelings on
 * either side joined by a dashed line. Drawn to the width of a slide's body at 10 pt; wider, it is cut into bands
 * one under the other (a journey cut at a band's end goes on, "continued", in the next), as many bands to a drawing
 * as the body holds.
 */
import type { StripJourney } from '../../../analysis/index.js';
import { feelingWord } from '../../../load/index.js';
import {
  INK,
  LINE_HEIGHT,
  JOURNEY,
  JOURNEY_GLANCE,
  LIFECYCLE_STRIP as L,
  PAGE_MARGIN,
  SLIDE_BODY,
  type Page,
} from '../../theme.js';
import { fitted, lines } from '../journey/glance.js';
import type { Drawing, Shape } from '../scene.js';
import { circle } from '../shapes.js';

/** A journey on the strip: its name and its stages with their worst feelings. */
export interface StripInput {
  name: string;
  strip: StripJourney;
}

/** A stage's column on the strip: which journey and stage, its band and where it stands in the band. */
export interface StripColumn {
  journey: number;
  stage: number;
  band: number;
  x: number;
}

/**
 * The columns of the stages at a column width: a band ends where the next column would pass `width`; with `whole`,
 * a journey that does not fit in what is left of a band starts the next one (cut only when a band cannot hold it).
 */
function pack(journeys: readonly StripInput[], column: number, width: number, whole: boolean): StripColumn[] {
  const columns: StripColumn[] = [];
  let band = 0;
  let x = L.gutter;
  const span = (n: number) => n * column + (n - 1) * L.gap;
  journeys.forEach((j, journey) =>
    j.strip.stages.forEach((_, stage) => {
      // Before a journey, the room of its hand-on arrow (at a band's start too); between two stages, a gap.
      const before = () => (stage === 0 && journey > 0 ? L.handOn : x === L.gutter ? 0 : L.gap);
      const needs = whole && stage === 0 ? span(j.strip.stages.length) : column;
      if (x > L.gutter && x + before() + needs > width) {
        band++;
        x = L.gutter;
      }
      x += before();
      columns.push({ journey, stage, band, x });
      x += column;
    }),
  );
  return columns;
}

const bandsOf = (at: readonly StripColumn[]) => (at.length === 0 ? 0 : at.at(-1)!.band + 1);

/**
 * The columns' width and places: as few bands as the narrowest columns need, each journey whole in a band where that
 * takes no more bands, the columns as wide as that allows.
 */
export function stripColumns(journeys: readonly StripInput[], width: number): { column: number; at: StripColumn[] } {
  const narrowest = pack(journeys, L.narrowest, width, false);
  const fewest = bandsOf(narrowest);
  for (const whole of [true, false])
    for (let column = L.widest; column >= L.narrowest + (whole ? 0 : 1); column--) {
      const at = pack(journeys, column, width, whole);
      if (bandsOf(at) <= fewest) return { column, at };
    }
  return { column: L.narrowest, at: narrowest };
}

/** A band's height with a step between the levels of feeling. */
const bandHeight = (step: number) => L.headerHeight + L.nameHeight + 2 * L.levelPad + 4 * step;

/**
 * The strip as drawings for `page` (by default a slide's body): its columns no wider than the page inside its
 * margins, as many bands to a drawing as its height holds (the levels of feeling spread out where it holds fewer);
 * `title` names each drawing (its SVG's title), the page around it says the rest.
 */
export function lifecycleDrawings(journeys: readonly StripInput[], title: string, page: Page = SLIDE_BODY): Drawing[] {
  const width = page.width - 2 * PAGE_MARGIN;
  const height = page.height - 2 * PAGE_MARGIN;
  const perDrawing = Math.max(1, Math.floor((height + L.bandGap) / (bandHeight(L.levelStep) + L.bandGap)));
  const { column, at } = stripColumns(journeys, width);
  const count = bandsOf(at);
  const drawings: Drawing[] = [];
  for (let first = 0; first < count; first += perDrawing) {
    const bands = Math.min(perDrawing, count - first);
    // The levels of feeling as far apart as the page's height lets the bands be, up to the tallest step.
    const room = (height - (bands - 1) * L.bandGap) / bands - bandHeight(0);
    const step = Math.max(L.levelStep, Math.min(L.tallestStep, Math.floor(room / 4)));
    const band = bandHeight(step);
    const shapes = at
      .filter((c) => c.band >= first && c.band < first + bands)
      .reduce<StripColumn[][]>((all, c) => {
        (all[c.band - first] ??= []).push(c);
        return all;
      }, [])
      .flatMap((cs, k) => bandShapes(journeys, cs, column, k * (band + L.bandGap), step));
    const part = count > perDrawing ? ` · part ${first / perDrawing + 1} of ${Math.ceil(count / perDrawing)}` : '';
    const right = Math.max(...at.map((c) => c.x + column));
    drawings.push({
      width: right,
      height: bands * band + (bands - 1) * L.bandGap,
      title: `${title}${part}`,
      shapes,
      minText: L.text,
    });
  }
  return drawings;
}

const text = (x: number, y: number, value: string | string[], size: number, extra: Partial<Shape> = {}): Shape =>
  ({ kind: 'text', x, y, lines: Array.isArray(value) ? value : [value], size, fill: INK, ...extra }) as Shape;

/** One band: the feeling words, each column's stage and dot, the journeys' names, the lines and the hand-on arrows. */
function bandShapes(
  journeys: readonly StripInput[],
  columns: readonly StripColumn[],
  column: number,
  top: number,
  step: number,
) {
  const T = L.text;
  const shapes: Shape[] = [];
  const names = top + L.headerHeight;
  const levels = names + L.nameHeight + L.levelPad;
  const levelY = (f: number) => levels + (2 - f) * step;
  const right = columns.at(-1)!.x + column;
  // Every level named and lined where the levels are a line of text apart; else the ends and the middle.
  const shown = step >= T * LINE_HEIGHT ? [2, 1, 0, -1, -2] : [2, 0, -2];
  for (const f of shown) {
    shapes.push(
      text(L.gutter - 6, levelY(f) + T * 0.35, feelingWord(f), T, { fill: JOURNEY_GLANCE.muted, anchor: 'end' }),
    );
  }
  // A block per journey in the band: its name over its columns.
  for (const first of columns.filter((c, k) => k === 0 || columns[k - 1]!.journey !== c.journey)) {
    const own = columns.filter((c) => c.journey === first.journey);
    const blockWidth = own.at(-1)!.x + column - first.x;
    const name = fitted(
      `${journeys[first.journey]!.name}${first.stage > 0 ? ' (continued)' : ''}`,
      blockWidth - 8,
      L.header,
      true,
    );
    shapes.push(
      { kind: 'rect', x: first.x, y: top, width: blockWidth, height: L.headerHeight, fill: JOURNEY_GLANCE.headerFill },
      text(first.x + 4, top + L.header + 1, name.text, L.header, {
        bold: true,
        fill: JOURNEY_GLANCE.headerInk,
        role: 'journey',
        tip: name.tip,
      }),
    );
    if (first.stage === 0 && first.journey > 0) {
      // The hand-on: an arrow in the room before the journey, at the height of its name.
      const y = top + L.headerHeight / 2;
      const [from, to] = [first.x - L.handOn + 3, first.x - 3];
      shapes.push({
        kind: 'path',
        d: `M${from} ${y} H${to - 6} M${to - 6} ${y - 4.5} L${to} ${y} L${to - 6} ${y + 4.5} Z`,
        fill: JOURNEY.curve,
        stroke: JOURNEY.curve,
        strokeWidth: 1.6,
        role: 'hand-on',
      });
    }
  }
  for (const f of shown)
    shapes.push({
      kind: 'path',
      d: `M${L.gutter} ${levelY(f)} H${right}`,
      stroke: f === 0 ? JOURNEY.neutralLine : JOURNEY.levelLine,
      strokeWidth: 0.8,
    });
  const points: ({ x: number; y: number } | undefined)[] = [];
  for (const c of columns) {
    const stage = journeys[c.journey]!.strip.stages[c.stage]!;
    const name = lines(stage.stage, column - 8, T, 2, true);
    shapes.push(
      {
        kind: 'rect',
        x: c.x,
        y: names,
        width: column,
        height: L.nameHeight,
        fill: JOURNEY_GLANCE.columnFill,
        role: `stage:${stage.stage}`,
      },
      text(c.x + 4, names + 4 + T * 0.92, name, T, {
        bold: true,
        role: 'stage',
        tip: name.join(' ') === stage.stage ? undefined : stage.stage,
      }),
    );
    if (stage.feeling === undefined) {
      points.push(undefined);
      const words = fitted('not recorded', column - 8, T);
      // No dot (a hollow one would read as neutral): the words, in italics, between the levels.
      shapes.push(
        text(c.x + 4, levelY(-1.5) + T * 0.35, words.text, T, {
          fill: JOURNEY_GLANCE.muted,
          italic: true,
          role: 'feeling',
        }),
      );
    } else points.push({ x: c.x + column / 2, y: levelY(stage.feeling) });
  }
  // The lines: within a journey solid, across a hand-on dashed; a stage without a feeling is a gap.
  columns.forEach((c, k) => {
    const [p, before] = [points[k], points[k - 1]];
    if (k === 0 || !p || !before) return;
    const handOn = c.journey !== columns[k - 1]!.journey;
    shapes.push({
      kind: 'path',
      d: `M${before.x} ${before.y} L${p.x} ${p.y}`,
      stroke: JOURNEY.curve,
      strokeWidth: handOn ? 1.4 : 2.2,
      ...(handOn ? { dash: '4 3', role: 'hand-on-line' } : { role: 'feeling-line' }),
    });
  });
  columns.forEach((c, k) => {
    const p = points[k];
    const feeling = journeys[c.journey]!.strip.stages[c.stage]!.feeling;
    if (p && feeling !== undefined)
      shapes.push({
        kind: 'path',
        d: circle(p.x, p.y, 4.5),
        fill: JOURNEY.feeling[feeling]!,
        stroke: JOURNEY.hollow,
        strokeWidth: 1.2,
        role: 'feeling-dot',
      });
  });
  return shapes;
}
