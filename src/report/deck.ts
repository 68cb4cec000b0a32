/**
 * The slides of a management deck about a process, as one document model that a printer turns into PowerPoint
 * (pptx.ts): a title slide, the scorecard against targets and benchmarks, where the time goes, the blueprint,
 * the journey, the matrix, the top opportunities with their computed savings and the value-against-effort
 * matrix; with a to-be map, the figures before and after and the to-be blueprint. Tables are the report's own
 * (one home for every figure); pictures are the drawings cxmap lays out, on a 16:9 page at the readable minimum.
 * Speaker notes carry the reasons behind the figures.
 */
import { formatDuration } from '../core/index.js';
import { compareMetrics, type Analysis } from '../analysis/index.js';
import { assumption, isRecommended, type Ranking } from '../rules/index.js';
import { drawnDiagrams, PAGES, prioritiesDrawn, type Drawn, type ViewName } from '../render/index.js';
import { comparisonTable } from './compare.js';
import { plainText, type Block, type TableBlock as Table } from './document.js';
import { opportunityBlocks, scorecardBlocks, timeSentence } from './report.js';
import { unitFacts, unitsNote } from './units.js';
import { executiveSummary } from './summary.js';

export type Slide =
  | { kind: 'title'; title: string; subtitle: string; facts: [string, string][]; notes: string }
  | { kind: 'table'; title: string; table: Table; footnote?: string; notes: string }
  | { kind: 'picture'; picture: Drawn; notes: string };

/** How many opportunities the deck's table shows: the rest are in the report. */
export const DECK_TOP = 8;

/** The columns of a table by their headings, in the order given; cells as plain text (no code marks). */
function pick(table: Table, heads: readonly string[]): Table {
  const at = heads.map((h) => table.head.indexOf(h)).filter((k) => k >= 0);
  return {
    kind: 'table',
    head: at.map((k) => table.head[k]!),
    right: at.flatMap((k, n) => (table.right?.includes(k) ? [n] : [])),
    rows: table.rows.map((row) =>
      at.map((k) => {
        const cell = row[k]!;
        return typeof cell === 'string' ? plainText(cell) : { ...cell, text: plainText(cell.text) };
      }),
    ),
  };
}

const tables = (blocks: readonly Block[]) => blocks.filter((b): b is Table => b.kind === 'table');

export interface DeckInput {
  analysis: Analysis;
  ranking: Ranking;
  /** The to-be map, when the deck compares. */
  toBe?: Analysis;
}

export function deckSlides({ analysis, ranking, toBe }: DeckInput): Slide[] {
  const { map, time, scores } = analysis;
  const p = map.process;
  const cal = p.calendar;
  const d = (s: number) => formatDuration(s, cal);
  const page = PAGES['16:9'];
  const pictures = (view: ViewName, of = analysis) => drawnDiagrams(of, view, page);
  const slides: Slide[] = [];

  slides.push({
    kind: 'title',
    title: p.name,
    subtitle: `From the outside in: ${d(time.leadTime)} on average from the trigger to the goal`,
    facts: [
      ['Customer', p.customer],
      ['Goal', p.goal],
      ...(p.trigger ? [['Trigger', p.trigger] as [string, string]] : []),
      ...(p.owner ? [['Owner', p.owner] as [string, string]] : []),
      ...unitFacts(analysis),
    ],
    notes: `Lead time ${d(time.leadTime)} on average, from the trigger to the goal. Every figure in this deck is computed from the map by cxmap; the report has the step table and every opportunity.`,
  });

  // The answer first: what the customer lives, the headline figures, what the changes do and the decision asked.
  const summary = executiveSummary(analysis, ranking);
  slides.push({
    kind: 'table',
    title: summary.headline,
    table: {
      kind: 'table',
      head: ['Figure', 'Now', 'Target', '', 'Best benchmark'],
      right: [1, 2],
      rows: summary.figures.map((f) => [f.label, f.now, f.target, f.status, f.benchmark]),
    },
    footnote: [summary.proposal, `Decision asked: ${summary.decision}`, unitsNote(analysis)].filter(Boolean).join(' '),
    notes: [
      'The executive summary: every figure is computed from the map, as cxmap score gives it.',
      ...(summary.changes.length
        ? ['The changes the board is asked to approve:', ...summary.changes.map((c) => `- ${c}`)]
        : []),
    ].join('\n'),
  });

  // The scorecard: the report's metrics table, then its benchmarks; the notes give the steps that hold the time.
  const [metrics, ...more] = tables(scorecardBlocks(analysis));
  const benchmarks = more.find((t) => t.head[0] === 'Benchmark');
  const slowest = scores
    .map((s, i) => ({ s, step: map.steps[i]! }))
    .filter((x) => x.s.delayShare > 0)
    .sort((a, b) => b.s.delayShare - a.s.delayShare)
    .slice(0, 3);
  slides.push({
    kind: 'table',
    title: 'Scorecard',
    table: pick(metrics!, metrics!.head),
    footnote: unitsNote(analysis),
    notes: [
      'Where the lead time goes, the steps that hold most of it:',
      ...slowest.map((x) => `- ${x.step.name}: ${x.s.reasons.join('; ')}.`),
      'PCE (process cycle efficiency) is value-adding work over the lead time; rolled %C&A is the share of cases that pass every step complete and accurate the first time (Martin & Osterling 2013).',
    ].join('\n'),
  });
  if (benchmarks)
    slides.push({
      kind: 'table',
      title: 'Against the benchmarks',
      table: pick(benchmarks, benchmarks.head),
      footnote: unitsNote(analysis),
      notes: 'Each benchmark is the figure the map names for a competitor or a standard, against our computed figure.',
    });

  for (const picture of pictures('time'))
    slides.push({
      kind: 'picture',
      picture,
      notes: `${timeSentence(analysis)} Only value-adding work is what the customer would pay for; waiting is where they feel the process.`,
    });

  const marked = (is: (i: number) => boolean, what: string) => {
    const steps = map.steps.filter((s) => is(s.index));
    return steps.length ? `${what}: ${steps.map((s) => s.name).join('; ')}.` : '';
  };
  for (const picture of pictures('blueprint'))
    slides.push({
      kind: 'picture',
      picture,
      notes: [
        'The service blueprint: what the customer does and sees above the line of interaction, what the company does in view above the line of visibility, and out of view below it.',
        marked((i) => Boolean(map.steps[i]!.fails), 'Fail points'),
        marked((i) => Boolean(map.steps[i]!.momentOfTruth), 'Moments of truth'),
      ]
        .filter(Boolean)
        .join('\n'),
    });
  for (const picture of pictures('journey'))
    slides.push({
      kind: 'picture',
      picture,
      notes:
        'The steps the customer lives on the most likely path, with their feeling; then each other ending and each detour as its own short path.',
    });
  for (const picture of pictures('matrix'))
    slides.push({
      kind: 'picture',
      picture,
      notes: [
        'Each step by its value for the customer and its share of the lead time; the regions are the verdicts of cxmap score.',
        ...scores
          .map((s, i) => ({ s, step: map.steps[i]! }))
          .filter((x) => x.s.verdict === 'remove' || x.s.verdict === 'rethink')
          .map((x) => `- ${x.step.name} (${x.s.verdict}): ${x.s.reasons.join('; ')}.`),
      ].join('\n'),
    });

  // The top opportunities: the report's table, the columns a board reads; the reasons in the notes.
  const [opportunities] = tables(opportunityBlocks(analysis, ranking, { top: DECK_TOP }));
  if (opportunities) {
    const shown = ranking.ranked.slice(0, DECK_TOP);
    // The sizes the savings assume, the same ones together: "#4, #6: the wait cut by 25-50% (assumed; ...)".
    const assumed = new Map<string, number[]>();
    shown.forEach((r, k) => {
      const text = r.sizes.length ? plainText(assumption(r.sizes, false)) : undefined;
      if (text) assumed.set(text, [...(assumed.get(text) ?? []), k + 1]);
    });
    slides.push({
      kind: 'table',
      title: 'Top opportunities',
      table: pick(opportunities, [
        '#',
        'Opportunity',
        'Matrix',
        'Effort',
        'Lead time',
        'Other effects',
        'Saved a year',
        'One-off cost',
      ]),
      // The sizes the savings assume, under the table: a column of them would push the table onto two slides.
      footnote: `Each saving is computed by making the change on a copy of the map and scoring it again; savings overlap, so they do not add up.${assumed.size ? ` A change with a size runs from the low to the high end of the size it assumes: ${[...assumed].map(([text, ks]) => `${ks.map((k) => `#${k}`).join(', ')} ${text}`).join('; ')}.` : ''}${ranking.ranked.length > DECK_TOP ? ` ${ranking.ranked.length - DECK_TOP} more in the report.` : ''} ${unitsNote(analysis)}`,
      notes: shown
        .map(
          (r, k) =>
            `${k + 1}. ${r.opportunity.title}: ${r.opportunity.why}.${r.sizes.length ? ` Assumes ${assumption(r.sizes)}.` : ''}`,
        )
        .join('\n'),
    });
    slides.push({
      kind: 'picture',
      picture: prioritiesDrawn(ranking, p.name, page),
      notes: `Value (the share of the customer's waiting, effort and the business's cost a change takes away) against effort (0 to 5). ${ranking.ranked.filter(isRecommended).length} of the ${ranking.ranked.length} are recommended: all but the thankless tasks and the changes another organisation must agree to.`,
    });
  }

  if (toBe) {
    slides.push({
      kind: 'table',
      title: `Before and after: ${toBe.map.process.name}`,
      table: comparisonTable(compareMetrics(analysis, toBe), p),
      footnote: unitsNote(analysis),
      notes: 'Both maps are scored the same way; the change in each figure is the to-be map against the as-is map.',
    });
    // The to-be's pictures say so in their titles, whatever the to-be map is called.
    const name = toBe.map.process.name;
    const named = /\bto[ -]be\b/i.test(name) ? name : name === p.name ? `${name} · to-be` : `${name} (to-be)`;
    const toBeNamed = { ...toBe, map: { ...toBe.map, process: { ...toBe.map.process, name: named } } };
    for (const picture of pictures('blueprint', toBeNamed))
      slides.push({
        kind: 'picture',
        picture,
        notes: 'The to-be service blueprint: the process with the recommended changes made.',
      });
  }
  return slides;
}
