/**
 * The views of a scored map as Mermaid text. A diagram that would pass Mermaid's limits (50,000 characters,
 * 500 edges) is split by stage, and a stage that is still too large into consecutive parts, each with a note
 * that says so: a map is never cut silently.
 */
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { blueprint } from './blueprint.js';
import { journey } from './journey.js';
import { matrix } from './matrix.js';
import { priorities } from './priorities.js';
import type { Ranking } from '../rules/index.js';
import { timeline } from './timeline.js';
import { timePie } from './time.js';
import { MAX_EDGES, MAX_TEXT } from './text.js';
import { blueprintDrawings } from './svg/blueprint.js';
import { pageScale, svgOf, type Page } from './svg/scene.js';

export const VIEWS = ['blueprint', 'journey', 'timeline', 'matrix', 'time'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface Diagram {
  /** The view, or `priorities`: the opportunities by value and effort, which the report draws from its ranking. */
  view: ViewName | 'priorities';
  /** Part number and count when the view had to be split, with what the part holds. */
  part?: { index: number; count: number; label: string };
  /** One line for readers: what the diagram shows. */
  caption: string;
  /** Mermaid text: the md and mmd forms, and what the browser draws when there is no `svg`. */
  text: string;
  /** The SVG, when cxmap lays the view out itself (the blueprint for svg, png and pdf): deck-safe, no browser needed. */
  svg?: string;
  /** Why the view was split, when it was. */
  note?: string;
}

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
 * The diagrams of a view as drawn for svg, png and pdf: the blueprint laid out by cxmap, in parts that each fit
 * the page at the readable minimum (one drawing without a page); the other views as Mermaid draws them.
 */
export function drawnDiagrams(analysis: Analysis, view: ViewName, page?: Page): Diagram[] {
  if (view !== 'blueprint') return viewDiagrams(analysis, view);
  const text = viewDiagrams(analysis, view)[0]!.text;
  const drawings = blueprintDrawings(analysis, page);
  return drawings.map((d, k) => ({
    view,
    part: drawings.length > 1 ? { index: k + 1, count: drawings.length, label: d.title } : undefined,
    caption: drawings.length > 1 ? `${CAPTION[view]}, part ${k + 1} of ${drawings.length}` : CAPTION[view],
    text,
    svg: page ? svgOf(d, page, pageScale(d, page)) : svgOf(d),
    note:
      drawings.length > 1
        ? `At the readable minimum of 11 pt, the ${view} takes ${drawings.length} pages of this size: it is split by stage.`
        : undefined,
  }));
}

/** The opportunities of a map by value and effort, from its ranking. */
export const prioritiesDiagram = (ranking: Ranking): Diagram => ({
  view: 'priorities',
  caption: 'opportunities by value and effort',
  // The title is short enough for the chart's width; the page around it names the process.
  text: priorities(ranking, 'Opportunities by value and effort'),
});
