/**
 * The customer's journey as a Mermaid user-journey diagram, printed from the same model as cxmap's drawing of it
 * (render/svg/journey/model.ts), so that the two show the same steps with the same scores: the main path in
 * sections by stage, then each way off it as a section named by its heading and its share of all customers. Each
 * task names who the customer deals with. Mermaid's scores run from 1 to 5 (above 3 a smile, below 3 a frown):
 * a feeling of -2..+2 becomes 1..5; Mermaid needs a score, so a step without a recorded feeling gets 3.
 */
import type { ExactAnalysis as Analysis } from '../analysis/index.js';
import { branchTitle, journeyModel, type JourneyStep } from './svg/journey/model.js';
import { lineStart, plainLabel, shorten } from './text.js';

/** Mermaid's score of a step: its feeling from 1 to 5, 3 when none is recorded. */
export const journeyScore = (step: JourneyStep) => 3 + (step.feeling ?? 0);

export function journey(analysis: Analysis, subset: readonly number[], title: string): string {
  const model = journeyModel(analysis);
  const inPart = new Set(subset);
  const customer = plainLabel(model.customer);
  const lines = ['journey', `  title ${plainLabel(title)}`];
  const task = (s: JourneyStep) => {
    const who = s.side === 'customer' ? customer : `${customer}, ${plainLabel(s.who)}`;
    const marks = `${s.momentOfTruth ? '★ ' : ''}${s.fails ? '⚠ ' : ''}`;
    // Mermaid's task boxes hold about two short lines: the name only (the blueprint shows the channel).
    return `    ${lineStart(`${marks}${shorten(s.name, 40)}`)}: ${journeyScore(s)}: ${who}`;
  };
  let stage: string | undefined;
  for (const s of model.main.filter((s) => inPart.has(s.index))) {
    if (s.stage !== stage) lines.push(`  section ${plainLabel((stage = s.stage))}`);
    lines.push(task(s));
  }
  for (const b of model.branches) {
    const steps = b.steps.filter((s) => inPart.has(s.index));
    if (steps.length === 0) continue;
    lines.push(`  section ${plainLabel(branchTitle(b))}`, ...steps.map(task));
  }
  return `${lines.join('\n')}\n`;
}
