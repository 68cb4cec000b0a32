/**
 * The service blueprint laid out by cxmap itself (Shostack 1984; Bitner, Ostrom & Morgan 2008), for SVG, PNG,
 * PDF and slides: the model (model.ts: what to show, from the analysis), the layout (layout.ts: text measured
 * once, boxes placed, edges routed, parts cut from the columns) and the scene (scene.ts: shapes). Lanes in the
 * fixed order of the method, top to bottom, each the full width of the drawing: physical evidence, customer
 * actions, the line of interaction, frontstage, the line of visibility, backstage, the line of internal
 * interaction, support processes. On a page, a blueprint whose text would come out smaller than the readable
 * minimum is split into parts by stage; an edge that leaves a part ends in a stub that names the step and the part
 * it continues in.
 *
 * Mermaid's flowchart cannot fix the order of its lanes, and its `swimlane-beta` neither puts steps in stage
 * columns nor draws the blueprint's lines (docs/render.md); the Markdown form stays the Mermaid flowchart
 * (../../blueprint.ts), which GitHub draws.
 */
import type { ExactAnalysis as Analysis } from '../../../analysis/index.js';
import { fitsPage, type Page } from '../../theme.js';
import type { Drawing } from '../scene.js';
import { layoutPart, measure, type Measured } from './layout.js';
import { blueprintModel } from './model.js';
import { blueprintScene } from './scene.js';

export { blueprintEdges, blueprintModel, type BlueprintModel } from './model.js';
export { layoutPart, measure, type BlueprintLayout } from './layout.js';

/**
 * The parts of a blueprint on a page, as ranges of columns that each fit the page at the readable minimum
 * (judged with the longest title and stub texts a part can get, `part 99 of 99`). Of all the ways to cut the
 * columns, the one with, in this order of weight: no part holding a lone step of a stage that has more, the
 * fewest parts, the fewest stages cut between two parts.
 */
export function blueprintParts(m: Measured, page: Page): [number, number][] {
  const { columns } = m.model;
  const n = columns.length;
  const fits = (from: number, to: number) =>
    fitsPage(layoutPart(m, { from, to, index: 99, count: 99, partOf: () => 99 }), page);
  const stageSize = new Map<string, number>();
  for (const c of columns) stageSize.set(c.stage, (stageSize.get(c.stage) ?? 0) + c.steps.length);
  const lone = (from: number, to: number) =>
    to - from === 1 && columns[from]!.steps.length === 1 && stageSize.get(columns[from]!.stage)! > 1;
  const cut = (at: number) => at < n && columns[at - 1]!.stage === columns[at]!.stage;
  const cost = (from: number, to: number) => (lone(from, to) ? 1e6 : 0) + 1e3 + (cut(to) ? 1 : 0);
  // best[j]: the least cost of cutting columns [0, j); a part always takes one column, fitting or not. The
  // furthest end that fits seldom moves left as the start moves right: each start checks the end it inherits,
  // then tries what lies past it.
  const best = new Float64Array(n + 1).fill(Infinity);
  const start = new Int32Array(n + 1);
  best[0] = 0;
  let end = 0;
  for (let from = 0; from < n; from++) {
    end = Math.max(end, from + 1);
    while (end > from + 1 && !fits(from, end)) end--;
    while (end < n && fits(from, end + 1)) end++;
    for (let to = from + 1; to <= end; to++) {
      const total = best[from]! + cost(from, to);
      if (total < best[to]!) {
        best[to] = total;
        start[to] = from;
      }
    }
  }
  const ranges: [number, number][] = [];
  for (let to = n; to > 0; to = start[to]!) ranges.unshift([start[to]!, to]);
  return ranges;
}

/**
 * The blueprint as drawings: one without a page; on a page, as many parts as it takes for its text to be at
 * least the readable minimum.
 */
export function blueprintDrawings(analysis: Analysis, page?: Page): Drawing[] {
  const model = blueprintModel(analysis);
  const m = measure(model);
  const all = model.columns.length;
  const whole = () => [blueprintScene(model, layoutPart(m, { from: 0, to: all, partOf: () => undefined }))];
  if (!page) return whole();
  const ranges = blueprintParts(m, page);
  if (ranges.length <= 1) return whole();
  const partOf = (step: number) => ranges.findIndex(([, b]) => m.columnOf[step]! < b) + 1;
  return ranges.map(([from, to], k) => ({
    ...blueprintScene(model, layoutPart(m, { from, to, index: k + 1, count: ranges.length, partOf })),
    steps: model.steps.flatMap((_, i) => (m.columnOf[i]! >= from && m.columnOf[i]! < to ? [i] : [])),
  }));
}
export { blueprintGlance, glanceBands, type GlanceOptions } from './glance.js';
