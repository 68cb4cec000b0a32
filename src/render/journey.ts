/**
 * The customer's journey as a Mermaid user-journey diagram: one section per stage, one task per step the customer
 * lives (their own steps and the frontstage steps), scored by their feeling and naming who they deal with.
 * Mermaid's scores run from 1 to 5 (above 3 a smile, below 3 a frown): feeling -2..+2 becomes 1..5, none is 3.
 */
import { type ExactAnalysis as Analysis, isCustomerFacing } from '../analysis/index.js';
import { lineStart, plainLabel, shorten } from './text.js';

export function journey(analysis: Analysis, subset: readonly number[], title: string): string {
  const { map } = analysis;
  const customer = plainLabel(map.process.customer);
  const lines = ['journey', `  title ${plainLabel(title)}`];
  const steps = subset.map((i) => map.steps[i]!).filter(isCustomerFacing);
  for (const stage of map.stages) {
    const inStage = steps.filter((s) => s.stage === stage);
    if (inStage.length === 0) continue;
    lines.push(`  section ${plainLabel(stage)}`);
    for (const s of inStage) {
      const who = s.actor.kind === 'customer' ? customer : `${customer}, ${plainLabel(s.actor.name)}`;
      const marks = `${s.momentOfTruth ? '★ ' : ''}${s.fails ? '⚠ ' : ''}`;
      // Mermaid's task boxes hold about two short lines: the name only (the blueprint shows the channel).
      lines.push(`    ${lineStart(`${marks}${shorten(s.name, 40)}`)}: ${3 + (s.feeling ?? 0)}: ${who}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
