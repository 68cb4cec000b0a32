/**
 * The customer's journey as a Mermaid user-journey diagram, printed from the same model as cxmap's drawing of it
 * (render/svg/journey/model.ts), so that the two show the same steps with the same scores: the main path in
 * sections by stage, then each way off it as a section named by its heading and its share of all customers. Each
 * task names who the customer deals with, and a step of the main path the wait before it, as the drawing's chips do.
 * The title says, as the drawing's line under it does, how many customers go the main path exactly as drawn and how
 * many take a detour. Mermaid's scores run from 1 to 5 (above 3 a smile, below 3 a frown): a feeling of -2..+2
 * becomes 1..5; Mermaid needs a score, so a step without a recorded feeling gets 3 (a face, never a line: Mermaid's
 * journey joins no scores). A map with segments: a Mermaid task holds one score and Mermaid draws no line, so the
 * text keeps the map's own feelings; the segments' curves are in cxmap's drawing only.
 */
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { leadText } from './svg/journey/layout.js';
import { branchTitle, journeyModel, waitText, type JourneyStep } from './svg/journey/model.js';
import { lineStart, plainLabel, shorten } from './text.js';

/** Mermaid's score of a step: its feeling from 1 to 5, 3 when none is recorded. */
export const journeyScore = (step: JourneyStep) => 3 + (step.feeling ?? 0);

export function journey(analysis: Analysis, subset: readonly number[], title: string): string {
  const model = journeyModel(analysis);
  const inPart = new Set(subset);
  const customer = plainLabel(model.customer);
  const lines = ['journey', `  title ${plainLabel(`${title} · ${leadText(model)}`)}`];
  const task = (s: JourneyStep, wait?: string) => {
    const who = s.side === 'customer' ? customer : `${customer}, ${plainLabel(s.who)}`;
    const marks = `${s.momentOfTruth ? '★ ' : ''}${s.fails ? '⚠ ' : ''}`;
    // Mermaid's task boxes hold about two short lines: the name only (the blueprint shows the channel).
    const name = `${marks}${shorten(s.name, 40)}${wait ? ` (${wait} first)` : ''}`;
    return `    ${lineStart(name)}: ${journeyScore(s)}: ${who}`;
  };
  let stage: string | undefined;
  for (const s of model.main.filter((s) => inPart.has(s.index))) {
    if (s.stage !== stage) lines.push(`  section ${plainLabel((stage = s.stage))}`);
    lines.push(task(s, waitText(model, s)));
  }
  for (const b of model.branches) {
    const steps = b.steps.filter((s) => inPart.has(s.index));
    if (steps.length === 0) continue;
    lines.push(`  section ${plainLabel(branchTitle(b))}`, ...steps.map((s) => task(s)));
  }
  return `${lines.join('\n')}\n`;
}
