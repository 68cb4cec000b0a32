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

export { blueprintModel, type BlueprintModel } from './model.js';
export { layoutPart, measure, type BlueprintLayout } from './layout.js';

/**
 * The parts of a blueprint on a page, as ranges of columns. Stages go whole into a part while they fit, several
 * to a part; a stage too large for a page is cut into as few parts as it takes, of about the same number of
 * columns, so that no part holds a lone step of a long stage; its last piece takes the next stages if they fit. Whether a part fits is judged with the longest
 * title and stub texts it can get (`part 99 of 99`).
 */
export function blueprintParts(m: Measured, page: Page): [number, number][] {
  const { columns } = m.model;
  const fits = (from: number, to: number) =>
    fitsPage(layoutPart(m, { from, to, index: 99, count: 99, partOf: () => 99 }), page);
  const stages: [number, number][] = [];
  columns.forEach((c, k) => {
    const last = stages.at(-1);
    if (last && columns[last[0]]!.stage === c.stage) last[1] = k + 1;
    else stages.push([k, k + 1]);
  });
  const parts: { range: [number, number]; whole: boolean }[] = [];
  for (const [from, to] of stages) {
    const last = parts.at(-1);
    if (last?.whole && fits(last.range[0], to)) last.range[1] = to;
    else if (fits(from, to)) parts.push({ range: [from, to], whole: true });
    else {
      // As many columns to a part as fit (at least one): the fewest parts; then the same number in each.
      const greedy: [number, number][] = [];
      for (let start = from; start < to;) {
        let end = start + 1;
        while (end < to && fits(start, end + 1)) end++;
        greedy.push([start, end]);
        start = end;
      }
      const count = greedy.length;
      const even = Array.from({ length: count }, (_, k): [number, number] => [
        from + Math.round(((to - from) * k) / count),
        from + Math.round(((to - from) * (k + 1)) / count),
      ]);
      const chosen = even.every(([a, b]) => fits(a, b)) ? even : greedy;
      // The last piece of a cut stage can take the stages after it, as a part of whole stages does.
      parts.push(...chosen.map((range, k) => ({ range, whole: k === chosen.length - 1 })));
    }
  }
  return parts.map((p) => p.range);
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
  return ranges.map(([from, to], k) =>
    blueprintScene(model, layoutPart(m, { from, to, index: k + 1, count: ranges.length, partOf })),
  );
}
