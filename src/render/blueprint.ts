/**
 * The service blueprint (Shostack 1984; Bitner, Ostrom & Morgan 2008) as a Mermaid flowchart: the customer's
 * actions, frontstage, backstage and support as stacked lanes, the line of visibility between frontstage and
 * backstage, steps coloured by value class, waits and chances on the edges, rework dashed, fail points (F) and
 * moments of truth (★) marked, and the steps that hold most of the lead time emphasised.
 */
import { formatDuration, mean } from '../core/index.js';
import { LANES, type Lane } from '../load/index.js';
import { metaLine, stepFacts, type ExactAnalysis as Analysis } from '../analysis/index.js';
import { BLUEPRINT, LANE_FILL, PALETTE } from './theme.js';
import { flowLabel, plainLabel, shorten } from './text.js';
import { blueprintEdges } from './svg/blueprint/index.js';

const LANE_TITLE: Record<Lane, string> = {
  customer: 'Customer actions',
  frontstage: 'Frontstage · staff the customer meets',
  backstage: 'Backstage · below the line of visibility',
  support: 'Support processes · systems and partners',
};

export function blueprint(
  analysis: Analysis,
  subset: readonly number[],
  title: string,
): { text: string; edges: number } {
  const { map } = analysis;
  const cal = map.process.calendar;
  const inPart = new Set(subset);
  const lines = ['---', `title: ${JSON.stringify(plainLabel(title))}`, '---', 'flowchart LR'];
  const classes = new Map<string, number[]>();
  const addClass = (name: string, i: number) => classes.set(name, [...(classes.get(name) ?? []), i]);

  const node = (i: number) => {
    const s = map.steps[i]!;
    const marks = `${s.momentOfTruth ? '★ ' : ''}${s.fails ? '⚠F ' : ''}`;
    const facts = stepFacts(analysis, i);
    const hot = facts.hotShare ? `<br/><b>${Math.round(100 * facts.hotShare)}% of the lead time</b>` : '';
    const label = `<b>${flowLabel(marks + shorten(s.name, 60))}</b><br/><small>${flowLabel(shorten(metaLine(facts), 60))}</small>${hot}`;
    const end = s.next.kind === 'end';
    addClass(
      s.value === 'customer' ? 'va' : s.value === 'business' ? 'req' : s.value === 'waste' ? 'waste' : 'none',
      i,
    );
    if (hot) addClass('hot', i);
    if (end) addClass(s.outcome === 'failure' ? 'failure' : 'success', i);
    return end ? `s${i}(["${label}"])` : `s${i}["${label}"]`;
  };

  // Each lane is a band of the left-to-right flow. Where the bands stack is decided by Mermaid's layout (dagre
  // keeps a subgraph together but orders subgraphs to cross fewest edges), so the line of visibility is drawn on
  // the backstage lane itself: a heavy dashed border and its title.
  for (const lane of LANES) {
    const members = subset.filter((i) => map.steps[i]!.actor.kind === lane);
    if (members.length === 0) continue;
    lines.push(`  subgraph lane_${lane}["${LANE_TITLE[lane]}"]`, '    direction LR');
    for (const i of members) lines.push(`    ${node(i)}`);
    lines.push('  end');
  }

  // Edges: into the part's steps from outside it go from a stub that names the step.
  let edges = 0;
  const stubs = new Map<number, string>();
  const ref = (i: number) => {
    if (inPart.has(i)) return `s${i}`;
    if (!stubs.has(i))
      stubs.set(i, `x${i}>"${flowLabel(`${shorten(map.steps[i]!.name, 40)} (${map.steps[i]!.stage})`)}"]`);
    return `x${i}`;
  };
  const linkStyles: string[] = [];
  for (const e of blueprintEdges(analysis)) {
    if (!inPart.has(e.from) && !inPart.has(e.to)) continue;
    const wait = mean(map.steps[e.to]!.wait);
    const parts = [e.label ?? '', wait > 0 ? `waits ${formatDuration(wait, cal)}` : ''].filter(Boolean);
    const label = parts.length ? `|"${flowLabel(shorten(parts.join(' · '), 60))}"|` : '';
    lines.push(`  ${ref(e.from)} ${e.rework ? '-.->' : '-->'}${label} ${ref(e.to)}`);
    if (e.rework) linkStyles.push(`  linkStyle ${edges} stroke:${PALETTE.rework},stroke-width:2px`);
    edges++;
  }
  for (const stub of stubs.values()) lines.push(`  ${stub}`);

  lines.push(
    '  subgraph legend["Legend"]',
    '    direction LR',
    '    l1["value-adding"]:::va',
    '    l2["required by the business"]:::req',
    '    l3["waste"]:::waste',
    '    l4["★ moment of truth · ⚠F fail point"]:::none',
    '  end',
    ...linkStyles,
    `  classDef va fill:${PALETTE.valueAdding},stroke:${PALETTE.ink},color:${BLUEPRINT.stageInk}`,
    `  classDef req fill:${PALETTE.required},stroke:${PALETTE.ink},color:${PALETTE.ink}`,
    `  classDef waste fill:${PALETTE.waste},stroke:${PALETTE.ink},color:${BLUEPRINT.stageInk}`,
    `  classDef none fill:${BLUEPRINT.card},stroke:${PALETTE.unclassified},color:${PALETTE.ink}`,
    `  classDef hot stroke:${PALETTE.hot},stroke-width:5px`,
    `  classDef failure stroke:${PALETTE.failure},stroke-width:3px,stroke-dasharray:6 3`,
    `  classDef success stroke:${PALETTE.valueAdding},stroke-width:3px`,
  );
  for (const [name, members] of classes) lines.push(`  class ${members.map((i) => `s${i}`).join(',')} ${name}`);
  for (const lane of LANES) {
    if (subset.some((i) => map.steps[i]!.actor.kind === lane)) {
      lines.push(
        `  style lane_${lane} fill:${LANE_FILL[lane]},stroke:${lane === 'backstage' ? PALETTE.ink : BLUEPRINT.laneStroke},stroke-width:${lane === 'backstage' ? 3 : 1}px${lane === 'backstage' ? ',stroke-dasharray:10 5' : ''}`,
      );
    }
  }
  return { text: `${lines.join('\n')}\n`, edges };
}
