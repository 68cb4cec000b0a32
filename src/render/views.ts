/**
 * The views of a scored map as Mermaid text. A diagram that would pass Mermaid's limits (50,000 characters,
 * 500 edges) is split by stage, and a stage that is still too large into consecutive parts, each with a note
 * that says so: a map is never cut silently.
 */
import { fitsPage, MIN_TEXT_PT, PAGES, pageScale, type Page } from './theme.js';
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import type { ProcessMap } from '../load/index.js';
import { blueprint } from './blueprint.js';
import { journey } from './journey.js';
import { matrix } from './matrix.js';
import { priorities } from './priorities.js';
import type { Ranking } from '../rules/index.js';
import { timeline } from './timeline.js';
import { timePie } from './time.js';
import { MAX_EDGES, MAX_TEXT } from './text.js';
import { blueprintDrawings, blueprintGlance, type GlanceOptions } from './svg/blueprint/index.js';
export type { GlanceOptions } from './svg/blueprint/index.js';
import { journeyGlanceDrawing, type JourneyGlanceOptions } from './svg/journey/glance.js';
import { journeyDrawings } from './svg/journey/scene.js';
import { lifecycleDrawings, type StripInput } from './svg/lifecycle/strip.js';
export type { StripInput } from './svg/lifecycle/strip.js';
import { matrixDrawing } from './svg/matrix.js';
import { prioritiesDrawing } from './svg/priorities.js';
import { svgOf, type Drawing } from './svg/scene.js';
import { timeDrawing } from './svg/time.js';
import { timelineDrawings } from './svg/timeline.js';

export const VIEWS = ['blueprint', 'journey', 'timeline', 'matrix', 'time'] as const;
export type ViewName = (typeof VIEWS)[number];

interface Picture {
  /** The view, or `priorities`: the opportunities by value and effort, which the report draws from its ranking. */
  view: ViewName | 'priorities' | 'lifecycle';
  /** Part number and count when the view had to be split, with what the part holds. */
  part?: { index: number; count: number; label: string };
  /** One line for readers: what the diagram shows. */
  caption: string;
  /** Why the view was split, when it was. */
  note?: string;
}

/** A view as Mermaid text: the md and mmd forms and the Markdown report. */
export interface Diagram extends Picture {
  text: string;
}

/**
 * A view cxmap lays out itself: its scene (the shapes, in points), where it stands (on a page at a scale, or at its
 * own size), and the scene printed as a deck-safe SVG. Every printer (SVG, PNG, PDF, PowerPoint shapes) prints the
 * same scene.
 */
export interface Drawn extends Picture {
  drawing: Drawing;
  /** The page the drawing is centred on, at `scale`; none when it keeps its own size. */
  page?: Page;
  scale: number;
  svg: string;
}

export const isDrawn = (p: Diagram | Drawn): p is Drawn => 'svg' in p;

const CAPTION: Record<ViewName, string> = {
  blueprint: 'service blueprint',
  journey: "the customer's journey",
  timeline: 'where the time goes on the most likely path',
  matrix: 'value and delay of each step',
  time: "where the customer's time goes",
};

function draw(
  view: ViewName,
  analysis: Analysis,
  subset: readonly number[],
  title: string,
): { text: string; edges: number } {
  switch (view) {
    case 'blueprint':
      return blueprint(analysis, subset, title);
    case 'journey':
      return { text: journey(analysis, subset, title), edges: 0 };
    case 'timeline':
      return { text: timeline(analysis, subset, title), edges: 0 };
    case 'matrix':
      return { text: matrix(analysis, subset, title), edges: 0 };
    case 'time':
      return { text: timePie(analysis, subset, title), edges: 0 };
  }
}

const fits = (d: { text: string; edges: number }) => d.text.length <= MAX_TEXT && d.edges <= MAX_EDGES;

export function viewDiagrams(analysis: Analysis, view: ViewName): Diagram[] {
  const { map } = analysis;
  const name = map.process.name;
  const all = map.steps.map((s) => s.index);
  const whole = draw(view, analysis, all, `${name} · ${CAPTION[view]}`);
  if (fits(whole)) return [{ view, caption: CAPTION[view], text: whole.text }];

  // Split by stage; a stage still too large is cut into consecutive runs of steps, halving until each fits. Each
  // part is drawn once: its title names the part, the caption and note say how many there are.
  const parts: { label: string; text: string }[] = [];
  const place = (label: string, steps: number[]) => {
    const drawn = draw(view, analysis, steps, `${name} · ${CAPTION[view]} · ${label}`);
    if (fits(drawn) || steps.length === 1) {
      parts.push({ label, text: drawn.text });
      return;
    }
    const half = Math.ceil(steps.length / 2);
    place(`${label} (steps ${steps[0]! + 1}-${steps[half - 1]! + 1})`, steps.slice(0, half));
    place(`${label} (steps ${steps[half]! + 1}-${steps.at(-1)! + 1})`, steps.slice(half));
  };
  for (const stage of map.stages) {
    const steps = all.filter((i) => map.steps[i]!.stage === stage);
    if (steps.length > 0) place(`stage ${stage}`, steps);
  }
  const note = `The ${view} of this map passes Mermaid's limits (${whole.text.length.toLocaleString('en')} characters, ${whole.edges} edges; at most ${MAX_TEXT.toLocaleString('en')} and ${MAX_EDGES}), so it is split into ${parts.length} parts by stage.`;
  return parts.map((p, k) => ({
    view,
    part: { index: k + 1, count: parts.length, label: p.label },
    caption: `${CAPTION[view]}, part ${k + 1} of ${parts.length}: ${p.label}`,
    text: p.text,
    note,
  }));
}

/**
 * A view's drawings as diagrams: on a page, each centred at the largest scale at which all of them fit (never below
 * the readable minimum: the drawings were split so that it holds); without one, each at its own size.
 */
function drawn(
  view: ViewName | 'priorities' | 'lifecycle',
  caption: string,
  drawings: readonly Drawing[],
  page?: Page,
  placed = true,
): Drawn[] {
  const count = drawings.length;
  const on = page && placed ? page : undefined;
  // The parts of one picture share one scale, the largest at which every part fits: the same text size on each.
  const scale = on ? Math.min(...drawings.map((d) => pageScale(d, on))) : 1;
  return drawings.map((d, k) => {
    return {
      view,
      part: count > 1 ? { index: k + 1, count, label: d.title } : undefined,
      caption: count > 1 ? `${caption}, part ${k + 1} of ${count}` : caption,
      drawing: d,
      page: on,
      scale,
      svg: svgOf(d, on, scale),
      note:
        page && count > 1
          ? `At the readable minimum of ${MIN_TEXT_PT} pt, the ${view} does not fit on ${page.name}: it is split into ${count} parts, each a page.`
          : undefined,
    };
  });
}

/** The charts of the steps that cxmap draws; each takes the steps to show and its title. */
const CHARTS = { matrix: matrixDrawing, time: timeDrawing };

/**
 * A chart of the steps drawn whole, or on a page where the whole would come out below the readable minimum, in
 * parts of whole stages, as many stages to a part as fit.
 */
function byStage(analysis: Analysis, view: keyof typeof CHARTS, page?: Page): Drawing[] {
  const { map } = analysis;
  const draw = (subset: readonly number[], title: string) => CHARTS[view](analysis, subset, title);
  const title = (part = '') => `${map.process.name} · ${CAPTION[view]}${part}`;
  const all = map.steps.map((s) => s.index);
  const whole = draw(all, title());
  const fits = (d: Drawing) => !page || fitsPage(d, page);
  if (fits(whole)) return [whole];
  const stages = map.stages.map((stage) => all.filter((i) => map.steps[i]!.stage === stage)).filter((s) => s.length);
  const groups: number[][] = [];
  for (const steps of stages) {
    const last = groups.at(-1);
    if (last && fits(draw([...last, ...steps], title(' · part 99 of 99')))) last.push(...steps);
    else groups.push([...steps]);
  }
  return groups.map((steps, k) => draw(steps, title(` · part ${k + 1} of ${groups.length}`)));
}

/**
 * A view as drawn for svg, png and pdf: laid out by cxmap in parts that each fit `page` at the readable minimum (one
 * drawing without a page). Each part is put on the page; or, with `placed` false, keeps its own size, for a page
 * that flows around it (see `flowPictures`).
 */
export function drawnDiagrams(analysis: Analysis, view: ViewName, page?: Page, placed = true): Drawn[] {
  const title = `${analysis.map.process.name} · ${CAPTION[view]}`;
  const drawings =
    view === 'blueprint'
      ? blueprintDrawings(analysis, page)
      : view === 'journey'
        ? journeyDrawings(analysis, page)
        : view === 'timeline'
          ? timelineDrawings(analysis, title, page)
          : byStage(analysis, view, page);
  return drawn(view, CAPTION[view], drawings, page, placed);
}

/**
 * The pictures of views for a page that flows, on screen or on paper (the HTML report, the live page of the
 * workshop): in the parts of a 16:9 slide, the deck's parts, each at its own size.
 */
export function flowPictures(analysis: Analysis, views: readonly ViewName[]): Drawn[] {
  return views.flatMap((view) => drawnDiagrams(analysis, view, PAGES['16:9'], false));
}

/** The opportunities by value and effort, drawn for slides and pictures. */
export const prioritiesDrawn = (
  ranking: Ranking,
  /** What names the steps in the titles, and the process in the default title. */
  map: Pick<ProcessMap, 'steps'> & { process: Pick<ProcessMap['process'], 'name'> },
  page?: Page,
  title = `${map.process.name} · opportunities by value and effort`,
): Drawn =>
  drawn('priorities', 'opportunities by value and effort', [prioritiesDrawing(ranking, title, map)], page)[0]!;

/** The opportunities of a map by value and effort, from its ranking. */
export const prioritiesDiagram = (ranking: Ranking, map: Pick<ProcessMap, 'steps'>): Diagram => ({
  view: 'priorities',
  caption: 'opportunities by value and effort',
  // The title is short enough for the chart's width; the page around it names the process.
  text: priorities(ranking, 'Opportunities by value and effort', map),
});

/**
 * The service blueprint at a glance on a 16:9 slide: every step on one page (with `changes`, the to-be, its
 * changed steps marked and the steps no longer done listed).
 */
export const blueprintGlanceDrawn = (
  analysis: Analysis,
  page: Page = PAGES['16:9'],
  options: GlanceOptions = {},
): Drawn =>
  drawn(
    'blueprint',
    options.changes ? 'the to-be service blueprint at a glance' : 'the service blueprint at a glance',
    [blueprintGlance(analysis, page, options)],
    page,
  )[0]!;

/**
 * The journey at a glance, for a slide of its own: the stages with their time, waiting, dark time and feeling, and
 * where customers go, as shares of all customers (render/svg/journey/glance.ts). Drawn to fill a 16:9 slide.
 */
export const journeyGlanceDrawn = (
  analysis: Analysis,
  page: Page = PAGES['16:9'],
  options: JourneyGlanceOptions = {},
): Drawn => drawn('journey', 'the journey at a glance', [journeyGlanceDrawing(analysis, options)], page)[0]!;

/**
 * The lifecycle strip of a portfolio (render/svg/lifecycle/): its journeys' stages in order with the worst feeling in
 * each and the hand-on from one journey to the next, drawn for a slide's body (in parts when its bands need more
 * than one) or, without a page, each part at its own size for a page that flows.
 */
export const lifecycleDrawn = (journeys: readonly StripInput[], title: string, page?: Page): Drawn[] =>
  drawn('lifecycle', 'the lifecycle', lifecycleDrawings(journeys, title), page);
