/**
 * The slides of a board deck about a process, as one document model that a printer turns into PowerPoint
 * (pptx.ts). The answer first (Minto's pyramid principle): about a dozen main slides, each with one message as its
 * title, a sentence with its figure; then, after a divider, the appendix with the detail. Main: the title slide, the
 * executive summary, the journey at a glance, where the time goes, the blueprint at a glance, what hurts, the
 * proposals in plain words, the proposals by value and effort, (with a to-be) before and after and the to-be
 * blueprint at a glance, and the next steps. Appendix: the full scorecard, (with segments) the segments side by
 * side, the benchmarks, every opportunity, the blueprint and the journey in their parts, the steps by value and
 * delay, and how the figures are computed.
 *
 * Tables are the report's own (one home for every figure); pictures are the drawings cxmap lays out. No slide text
 * or speaker note names a step, rule or opportunity by its id: steps by their names, changes in plain words. Each
 * slide's notes say what that slide shows and the assumptions behind its figures.
 */
import { counted, dayWords, durationInWords, formatDuration, mean, wholePercent, wordList } from '../core/index.js';
import { feelingWord, partyOf } from '../load/index.js';
import {
  changesInWords,
  compareMetrics,
  endings,
  metric,
  reachOf,
  show,
  stageFigures,
  type Analysis,
  type ExactAnalysis,
  type MetricId,
  type SegmentedAnalysis,
} from '../analysis/index.js';
import {
  assumption,
  isRecommended,
  stageTargetWords,
  WHATIF_METRICS,
  type Ranked,
  type Ranking,
} from '../rules/index.js';
import {
  blueprintGlanceDrawn,
  drawnDiagrams,
  journeyGlanceDrawn,
  journeyModel,
  lifecycleDrawn,
  PAGES,
  prioritiesDrawn,
  SLIDE_BODY,
  SLIDE_PAGE,
  wrap,
  type Drawn,
} from '../render/index.js';
import { comparisonTable } from './compare.js';
import { plainText, type Block, type Cell, type TableBlock as Table } from './document.js';
import { assumedFigures, basisShares, scorecardBlocks, segmentsDiffer, timeSentence } from './report.js';
import { segmentFigures } from './scorecard.js';
import { unitFacts, unitsNote } from './units.js';
import { boardWords, executiveSummary, HEADLINE_METRICS } from './summary.js';
import { leadTimeMove, savingWords, togetherSentence } from './savings.js';
import { cardPoints, standsFor, type PersonaCard } from './personas.js';
import {
  opportunitiesTable,
  portfolioWords,
  programmesTable,
  rankingTable,
  stripOf,
  teamsTable,
  yearlyOf,
  type PortfolioModel,
  type RankedJourney,
} from './portfolio.js';

export type Slide =
  | { kind: 'title'; title: string; subtitle: string; facts: [string, string][]; notes: string }
  /** A table, and the points that say what it means under it (the executive summary's proposal and decision). */
  | { kind: 'table'; title: string; table: Table; after?: [string, string][]; footnote?: string; notes: string }
  /** A drawing: under its action title when it has one, else with the drawing's own title as the slide's. */
  | { kind: 'picture'; picture: Drawn; title?: string; footnote?: string; notes: string }
  /** Points in plain words, each a lead-in and its text: what hurts, the next steps, the method. */
  | { kind: 'points'; title: string; points: [string, string][]; footnote?: string; notes: string }
  /** Persona cards side by side (one to four): each a name, whom it stands for, who they are, points, their words. */
  | { kind: 'cards'; title: string; cards: SlideCard[]; notes: string }
  | { kind: 'divider'; title: string; subtitle: string; notes: string };

/** A persona's card on a slide. */
export interface SlideCard {
  name: string;
  /** Whom the persona stands for: "Re-mortgager, 40% of the customers". */
  standsFor: string;
  description?: string;
  /** Goals, needs and pains, each a lead-in and its text. */
  points: [string, string][];
  quote?: string;
}

export interface DeckInput {
  analysis: Analysis;
  ranking: Ranking;
  /** The to-be map, when the deck compares. */
  toBe?: Analysis;
  /** A map with segments: each segment's analysis and the blend. */
  segments?: SegmentedAnalysis;
  /** The cards of the personas the map names (none: no slide of them). */
  cards?: readonly PersonaCard[];
  /** The date the title slide names, as written there. */
  date: string;
}

export interface DeckStory {
  main: Slide[];
  appendix: Slide[];
}

/** How many changes the proposals slide names; the rest are in the appendix and the report. */
export const DECK_TOP = 6;

/** A table of the report with its cells as plain text (no code marks). */
const plainTable = (table: Table): Table => ({
  ...table,
  rows: table.rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? plainText(cell) : { ...cell, text: plainText(cell.text) })),
  ),
});

const tables = (blocks: readonly Block[]) => blocks.filter((b): b is Table => b.kind === 'table');
/** A title's first letter in capitals: "Over 99% of ...". */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** A share to a tenth of a point, for the notes: 90.9%. */
const percentOne = (x: number) => `${(100 * x).toFixed(1)}%`;
const lines = (...items: (string | false | undefined)[]) => items.filter(Boolean).join('\n');

/** The words of one map's deck: durations with their days named in titles, steps by name, changes in plain words. */
function wordsOf(analysis: ExactAnalysis) {
  const { map } = analysis;
  const cal = map.process.calendar;
  const d = (s: number) => formatDuration(s, cal);
  // In a title, a day says which it is: "24.0 working days", not "24.0 d".
  const days = (s: number) => durationInWords(s, cal);
  // A range of days in a title: "18.1–19.9 working days".
  const daysRange = (a: number, b: number) => {
    const [low, high] = [Math.min(a, b), Math.max(a, b)].map(d);
    if (low === high) return days(a);
    return low!.endsWith(' d') && high!.endsWith(' d')
      ? `${low!.slice(0, -2)}–${days(Math.max(a, b))}`
      : `${low} to ${high}`;
  };
  const names = (steps: readonly number[]) => steps.map((i) => map.steps[i]!.name);
  const words = (text: string) => boardWords(text, analysis);
  return { d, days, daysRange, names, words, units: unitsNote(analysis) };
}

/** The main slides and the appendix of one map's deck. */
export function deckStory({ analysis, ranking, toBe, segments, cards = [], date }: DeckInput): DeckStory {
  const { map, scores } = analysis;
  const p = map.process;
  const w = wordsOf(analysis);
  const { days, words, units } = w;
  const summary = executiveSummary(analysis, ranking);
  const main: Slide[] = [];
  const appendix: Slide[] = [];

  main.push({
    kind: 'title',
    title: p.name,
    subtitle: "From the customer's side: what they live, what it costs, what we propose",
    facts: [
      ['Customer', p.customer],
      ['Goal', p.goal],
      ...(p.trigger ? [['Trigger', p.trigger] as [string, string]] : []),
      ...(p.owner ? [['Owner', p.owner] as [string, string]] : []),
      ['Date', date],
      ...unitFacts(analysis),
    ],
    notes: lines(
      `This deck maps "${p.name}" from the outside in: what the customer (${p.customer}) lives from the trigger to the goal, what it costs, what we propose and what we ask the board to decide.`,
      'Every figure is computed from the map, the same way for every slide; the detail is in the appendix.',
      units,
    ),
  });

  main.push({
    kind: 'table',
    title: summary.headline,
    table: {
      kind: 'table',
      head: ['Figure', 'Now', 'Target', '', 'Best benchmark'],
      right: [1, 2],
      rows: summary.figures.map((f) => [f.label, f.now, f.target, f.status, f.benchmark]),
    },
    after: [
      // A blend hides the gap between its segments: the board sees each one's lead time beside it.
      ...(segments
        ? [
            [
              'The segments',
              `the figures above are the blend of ${segments.segments.length} segments: ${segments.segments
                .map((s) => `${s.segment.name} (${wholePercent(s.segment.share)}) ${days(s.analysis.time.leadTime)}`)
                .join('; ')}`,
            ] as [string, string],
          ]
        : []),
      ...(summary.proposal ? [['What we propose', summary.proposal] as [string, string]] : []),
      ...(summary.changes.length > 0 ? [['The changes', summary.changes.join('; ')] as [string, string]] : []),
      ['Decision asked', summary.decision],
      ['What it rests on', restsOn(analysis)],
    ],
    // The one term of the table a board may not know, said where it stands.
    footnote: summary.figures.some((f) => f.metric === 'darkTime')
      ? `Dark time is waiting with no news for more than ${w.d(p.darkAfter)} since the customer's last news. ${units}`
      : units,
    notes: lines(
      'The executive summary: the figures a board asks for first, against the target the map sets and the best benchmark it names.',
      summary.changes.length > 0 && 'The changes the board is asked to approve:',
      ...summary.changes.map((c) => `- ${c}`),
      'A change with a size (a wait cut by a share, a rework loop made smaller) rests on an assumption: its figure runs from the low to the high end of that size.',
      segments &&
        'Its customers come in segments, each with its own lead time; every figure of the main slides is the blend of them, weighted by their shares:',
      ...(segments?.segments ?? []).map(
        (s) =>
          `- ${s.segment.name} (${wholePercent(s.segment.share)} of customers): ${days(s.analysis.time.leadTime)}.`,
      ),
      segments &&
        `- All segments together: ${days(segments.blend.leadTime!)}. Every figure side by side is in the appendix.`,
    ),
  });

  if (cards.length > 0) main.push(whoWeMapped(cards));
  main.push(journeyAtAGlance(analysis));

  // Where the time goes, in the time chart; the steps that hold most of it in the notes.
  const slowest = scores
    .map((s, i) => ({ s, step: map.steps[i]! }))
    .filter((x) => x.s.delayShare > 0)
    .sort((a, b) => b.s.delayShare - a.s.delayShare)
    .slice(0, 3);
  const dark = metric('darkTime').of(analysis)!;
  for (const picture of drawnDiagrams(analysis, 'time', SLIDE_BODY))
    main.push({
      kind: 'picture',
      picture,
      title: `${sentence(wholePercent(metric('waitShare').of(analysis)!))} of the ${days(metric('leadTime').of(analysis)!)} is waiting${dark >= 1 ? `; ${days(dark)} of it without news` : ''}`,
      footnote: units,
      notes: lines(
        timeSentence(analysis),
        'The steps that hold most of the lead time:',
        ...slowest.map((x) => `- ${x.step.name}: ${words(x.s.reasons.join('; '))}.`),
        'Only value-adding work is what the customer would pay for; waiting is where they feel the process.',
      ),
    });

  main.push(blueprintAtAGlance(analysis));
  main.push(whatHurts(analysis));
  main.push(...proposalSlides(analysis, ranking));

  if (toBe) main.push(beforeAndAfter(analysis, toBe, 'key'), toBeAtAGlance(analysis, toBe));
  main.push(nextSteps(analysis, ranking));

  // The appendix: the detail behind every main slide.
  const [metrics, ...more] = tables(scorecardBlocks(analysis));
  const missed = analysis.targets.filter((t) => !t.met).length;
  appendix.push({
    kind: 'table',
    title: `The full scorecard: ${metrics!.rows.length} figures${analysis.targets.length ? `, ${missed} of ${analysis.targets.length} targets missed` : ''}`,
    table: plainTable(metrics!),
    footnote: units,
    notes: lines(
      'Every figure cxmap computes for the map, with the targets the map sets.',
      'Lead time is the expected time from the trigger to an end, wait and work, along the critical path where work runs in parallel, each way weighted by its share of customers (Martin & Osterling 2013).',
      'PCE (process cycle efficiency) is value-adding work over the lead time; rolled %C&A is the share of cases that pass every step complete and accurate the first time.',
    ),
  });
  if (segments) appendix.push(segmentsSideBySide(analysis, segments));
  for (const table of more) {
    const benchmarks = table.head[0] === 'Benchmark';
    appendix.push({
      kind: 'table',
      title: benchmarks
        ? `Against ${table.rows.length} benchmark figures`
        : `${table.rows.length} milestones the customer counts`,
      table: plainTable(table),
      footnote: units,
      notes: benchmarks
        ? 'Each benchmark is the figure the map names for a competitor or a standard, against our computed figure.'
        : 'The milestones the customer counts: when each is reached, and the share of customers who get there.',
    });
  }
  if (ranking.ranked.length > DECK_TOP || ranking.ranked.some((r) => !isRecommended(r)))
    appendix.push(allOpportunities(analysis, ranking));
  if (toBe) appendix.push(beforeAndAfter(analysis, toBe, 'all'));
  appendix.push(...partSlides(analysis, 'blueprint'));
  if (toBe) appendix.push(...partSlides(toBe, 'blueprint', ' (to-be)'));
  appendix.push(...partSlides(analysis, 'journey'));
  // The steps by value and delay, each part under its drawing's own title.
  for (const picture of drawnDiagrams(analysis, 'matrix', PAGES['16:9']))
    appendix.push({
      kind: 'picture',
      picture,
      notes: lines(
        'Each step by its value for the customer and its share of the lead time; the regions are the verdicts of the scoring.',
        ...scores
          .map((s, i) => ({ s, step: map.steps[i]! }))
          .filter((x) => x.s.verdict === 'remove' || x.s.verdict === 'rethink')
          .map((x) => `- ${x.step.name} (${x.s.verdict}): ${words(x.s.reasons.join('; '))}.`),
      ),
    });
  appendix.push(method(analysis));
  return { main, appendix };
}

/** The figures a board weighs first, then what the customer goes through: the before and after of the main part. */
const KEY_FIGURES: readonly MetricId[] = [...HEADLINE_METRICS, 'pce', 'repeatContacts', 'channelSwitches', 'reAsks'];

/**
 * Every figure of each segment beside the blend, the table of the report; the title names the segments' lead times
 * (the shortest and the longest when there are more than three).
 */
function segmentsSideBySide(analysis: Analysis, segmented: SegmentedAnalysis): Slide {
  const { days, units } = wordsOf(analysis);
  const { columns, rows } = segmentFigures(analysis, segmented);
  const lead = (s: SegmentedAnalysis['segments'][number]) => s.analysis.time.leadTime;
  const byLead = [...segmented.segments].sort((a, b) => lead(a) - lead(b));
  const figure =
    byLead.length > 3
      ? `from ${days(lead(byLead[0]!))} for ${byLead[0]!.segment.name} to ${days(lead(byLead.at(-1)!))} for ${byLead.at(-1)!.segment.name}`
      : segmented.segments.map((s, k) => `${s.segment.name}${k === 0 ? ' takes' : ''} ${days(lead(s))}`).join(', ');
  return {
    kind: 'table',
    title: `The segments side by side: ${figure}`,
    table: { kind: 'table', head: ['Figure', ...columns], right: columns.map((_, k) => k + 1), rows },
    footnote: units,
    notes: lines(
      segmentsDiffer(analysis, segmented),
      "Each segment is scored on the map as it lives it: its own waits, work and chances where the map says they differ, the steps it skips left out. The blend adds up the segments' figures weighted by their share; ratios such as PCE are recomputed from the blended figures, and the spread comes from one simulation of all customers together, never from averaging percentiles.",
      'A dash: a count of distinct things (rework loops, people and systems met), which does not blend.',
      'Every other slide shows the map as written, before what differs for each segment.',
    ),
  };
}

/** The figures before and after the changes: the key ones for the main part, all of them for the appendix. */
function beforeAndAfter(analysis: ExactAnalysis, toBe: ExactAnalysis, which: 'key' | 'all'): Slide {
  const { days, units } = wordsOf(analysis);
  const all = compareMetrics(analysis, toBe);
  const rows = which === 'all' ? all : all.filter((r) => KEY_FIGURES.includes(r.metric.id));
  const lead = rows.find((r) => r.metric.id === 'leadTime');
  const better = rows.filter((r) => r.direction === 'better').length;
  const worse = rows.filter((r) => r.direction === 'worse');
  return {
    kind: 'table',
    title:
      which === 'all'
        ? `Every figure before and after: ${better} of ${rows.length} improve`
        : `With the changes, the lead time goes from ${days(lead!.before)} to ${days(lead!.after)}; ${better} of ${rows.length} key figures improve`,
    table: comparisonTable(rows, analysis.map.process),
    footnote: units,
    notes: lines(
      'Both maps are scored the same way: the process as it is, and the to-be, with the recommended changes made at the middle of each assumed size (the sizes are on the proposals slide).',
      which === 'key' && 'Every other figure, before and after, is in the appendix.',
      ...worse.map((r) => `- ${r.metric.label} gets worse: say why before the board asks.`),
    ),
  };
}

/** The most persona cards a slide holds side by side, each still readable at 10 pt or more. */
export const DECK_CARDS = 4;
/**
 * A slide title's room: two lines at 22 pt in bold, each 784 pt wide (the slide's 960 less the margins, 36 each, and
 * a logo's box and gap, 104).
 */
const TITLE_ROOM = { lines: 2, width: 784, size: 22 };

/**
 * Who the map's customers are: the cards of the personas it names, side by side (the first four; the others are in
 * the notes and the report), the title naming them with the share of the customers each stands for.
 */
function whoWeMapped(cards: readonly PersonaCard[]): Slide {
  const shown = cards.slice(0, DECK_CARDS);
  const rest = cards.slice(DECK_CARDS);
  const named = `Who we mapped: ${wordList(shown.map((c) => `${c.persona.name} (${wholePercent(c.share)})`))}`;
  return {
    kind: 'cards',
    // The personas by name with their shares when that fits the title's two lines; else how many there are.
    title:
      wrap(named, TITLE_ROOM.width, TITLE_ROOM.size, true).length <= TITLE_ROOM.lines
        ? named
        : `Who we mapped: ${counted(cards.length, 'persona')} of our customers, side by side`,
    cards: shown.map((c) => ({
      name: c.persona.name,
      standsFor: sentence(standsFor(c)),
      ...(c.persona.description ? { description: c.persona.description } : {}),
      points: cardPoints(c.persona),
      ...(c.persona.quote ? { quote: c.persona.quote } : {}),
    })),
    notes: lines(
      'The personas the team agreed for the customers of this map: archetypes drawn from research, each standing for a share of the customers (its segments of the map).',
      ...shown.map((c) => `- ${c.persona.name}: ${standsFor(c)}.`),
      rest.length > 0 &&
        `${counted(rest.length, 'more persona')} in the report: ${wordList(rest.map((c) => c.persona.name))}.`,
      shown.some((c) => c.segments.length > 0) && 'Their figures, segment by segment, are in the appendix.',
    ),
  };
}

/** What the customer lives, stage by stage, and where customers go: the journey at a glance. */
function journeyAtAGlance(analysis: ExactAnalysis): Slide {
  const { d, days, units } = wordsOf(analysis);
  const { detoured } = journeyModel(analysis);
  // The time to the goal, for the customers who reach it: the lead time averages every end, failures included.
  const goal = metric('goalTime').of(analysis) ?? metric('leadTime').of(analysis)!;
  const reach = metric('successRate').of(analysis)!;
  // One line over the slide: the drawing cuts a longer title.
  const title = `${reach >= 0.9995 ? 'All' : sentence(wholePercent(reach))} reach the goal, after ${days(goal)}${detoured >= 0.005 ? `; ${wholePercent(detoured)} take a detour` : ''}`;
  return {
    kind: 'picture',
    picture: journeyGlanceDrawn(analysis, SLIDE_PAGE, { title }),
    notes: lines(
      'The journey at a glance: the stages as the customer lives them, the time in each (waiting and without news), the worst feeling the map records there, and where customers go, as shares of all customers.',
      'Stage by stage:',
      ...stageFigures(analysis).map(
        (s) =>
          `- ${s.stage}: ${d(s.time)}, of it ${d(s.wait)} waiting${s.dark >= 1 ? ` and ${d(s.dark)} without news` : ''}${s.worst ? `; at worst ${feelingWord(s.worst.feeling)}, at ${s.worst.step.name}` : '; no feeling recorded'}.`,
      ),
      analysis.stageTargets.length > 0 && 'Against the targets the stages set:',
      ...analysis.stageTargets.flatMap((s) =>
        s.targets.map((t) => `- ${sentence(stageTargetWords(s.stage, t, analysis.map.process))}.`),
      ),
      'Where customers end:',
      ...endings(analysis).map(
        (e) =>
          `- ${percentOne(e.share)} at ${e.step.name} (${e.outcome === 'success' ? 'the goal' : 'goal not reached'}).`,
      ),
      `A detour is a way off the most likely path; ${percentOne(detoured)} of customers take at least one.`,
      units,
    ),
  };
}

/** Every step of the map on one slide: who does what, in view of the customer or not, where it fails. */
function blueprintAtAGlance(analysis: ExactAnalysis): Slide {
  const { map } = analysis;
  const { words } = wordsOf(analysis);
  const teams = new Set(map.steps.filter((s) => s.actor.kind !== 'customer').map((s) => s.actor.id)).size;
  const fails = map.steps.filter((s) => s.fails);
  const moments = map.steps.filter((s) => s.momentOfTruth);
  const handoffs = metric('handoffs').of(analysis)!;
  // The message: where the time is held, and how many hands and fail points the case passes.
  const slowest = map.steps.reduce((a, b) =>
    analysis.scores[b.index]!.delayShare > analysis.scores[a.index]!.delayShare ? b : a,
  );
  const title = `“${slowest.name}” holds ${wholePercent(analysis.scores[slowest.index]!.delayShare)} of the lead time; ${counted(fails.length, 'fail point')} across ${teams} teams and systems`;
  return {
    kind: 'picture',
    picture: blueprintGlanceDrawn(analysis, SLIDE_PAGE, { title }),
    notes: lines(
      'The service blueprint at a glance: every step of the map, what the customer does and sees above the line of interaction, what the company does in view above the line of visibility, and out of view below it (Shostack 1984; Bitner, Ostrom & Morgan 2008). Each part is in the appendix in full.',
      `${map.steps.length} steps by ${teams} teams and systems. A handoff is work changing hands below the line of visibility: ${handoffs.toFixed(1)} per case on average, counting rework.`,
      fails.length > 0 && `Fail points: ${fails.map((s) => `${s.name} (${words(s.fails!)})`).join('; ')}.`,
      moments.length > 0 && `Moments of truth: ${moments.map((s) => s.name).join('; ')}.`,
    ),
  };
}

/** The to-be's steps on one slide, what changed marked, what is no longer done listed. */
function toBeAtAGlance(analysis: ExactAnalysis, toBe: ExactAnalysis): Slide {
  const changes = changesInWords(analysis.map, toBe.map);
  const changed = changes.steps.filter((s) => s.kind === 'changed');
  const added = changes.steps.filter((s) => s.kind === 'new');
  const title = `The to-be changes ${changed.length} of ${toBe.map.steps.length} steps${added.length ? `, adds ${added.length}` : ''}${changes.removed.length ? ` and no longer does ${changes.removed.length}` : ''}`;
  return {
    kind: 'picture',
    picture: blueprintGlanceDrawn(toBe, SLIDE_PAGE, { title, changes }),
    notes: lines(
      `The to-be service blueprint, "${toBe.map.process.name}": the changed steps ringed, the new ones dotted, the steps no longer done listed.`,
      ...changed.map((s) => `- ${s.name}: ${s.what.join('; ')}.`),
      ...added.map((s) => `- New: ${s.name}.`),
      changes.removed.length > 0 && `No longer done: ${changes.removed.join('; ')}.`,
    ),
  };
}

/** What hurts the customer, in points: moments of truth, fail points, silence, and being made to come back. */
function whatHurts(analysis: ExactAnalysis): Slide {
  const { map, effort, time } = analysis;
  const { d, days, words, units } = wordsOf(analysis);
  // The share who ever reach it: a moment of truth inside a loop is passed more than once by some.
  const reached = (i: number) => reachOf(time, i);
  const said = (i: number) => {
    const s = map.steps[i]!;
    return [s.feeling !== undefined ? feelingWord(s.feeling) : undefined, s.note ? `“${s.note}”` : undefined]
      .filter(Boolean)
      .join(': ');
  };
  const points: [string, string][] = [];
  const moments = map.steps.filter((s) => s.momentOfTruth);
  for (const s of moments)
    points.push([
      `Moment of truth: ${s.name}`,
      [
        `${wholePercent(reached(s.index))} of customers reach it`,
        mean(s.wait) > 0 && `after a wait of ${d(mean(s.wait))}`,
        said(s.index),
      ]
        .filter(Boolean)
        .join(', '),
    ]);
  const fails = map.steps.filter((s) => s.fails);
  for (const s of fails)
    points.push([`Fail point: ${s.name}`, `${words(s.fails!)}${said(s.index) ? ` (${said(s.index)})` : ''}`]);
  const dark = metric('darkTime').of(analysis)!;
  const darkest = map.steps
    .map((s) => ({ s, wait: effort.darkWait[s.index]! }))
    .filter((x) => x.wait > 0)
    .sort((a, b) => b.wait - a.wait)
    .slice(0, 3);
  if (dark >= 1)
    points.push([
      'No news',
      `${d(dark)} of waiting without news, longest before ${darkest.map((x) => `${x.s.name} (${d(x.wait)})`).join(', ')}`,
    ]);
  const driver = (count: number, what: string) => (count >= 0.005 ? `${count.toFixed(2)} ${what}` : undefined);
  const come = [
    driver(metric('repeatContacts').of(analysis)!, 'repeat contacts'),
    driver(metric('channelSwitches').of(analysis)!, 'channel switches'),
    driver(metric('transfers').of(analysis)!, 'transfers'),
    driver(metric('reAsks').of(analysis)!, 'items asked again'),
  ].filter(Boolean);
  if (come.length) points.push(['Effort put on the customer', `per customer: ${come.join(', ')}`]);
  const title =
    fails.length > 0 && dark >= 1
      ? `Customers meet ${counted(fails.length, 'fail point')} and ${days(dark)} without news`
      : fails.length > 0
        ? `Customers meet ${counted(fails.length, 'fail point')} on the way to the goal`
        : dark >= 1
          ? `Customers wait ${days(dark)} without news`
          : `${moments.length} moments of truth decide what customers think of the process`;
  return {
    kind: 'points',
    title,
    points: points.length
      ? points.slice(0, 9)
      : [['Nothing marked', 'The map marks no moment of truth or fail point.']],
    footnote: units,
    notes: lines(
      "What hurts, in the customer's words where the map has them (the feeling and the note of a step).",
      'A moment of truth is a step the customer says makes or breaks the experience; a fail point is where the service can go wrong (Shostack 1984).',
      'Effort drivers are counted per customer as Dixon, Freeman & Toman (2010) define them: contacting the company again about the same need, changing channel to pursue it, being passed on within one contact, being asked again for what the company was given.',
      points.length > 9 && `${points.length - 9} more points are on the blueprint parts in the appendix.`,
    ),
  };
}

/** How much of the map rests on assumed figures, in a sentence: what to check before the figures decide anything. */
function restsOn(analysis: ExactAnalysis): string {
  const { steps, share } = assumedFigures(analysis);
  return steps === 0
    ? 'Every step of the map rests on observed or measured figures.'
    : `${steps} of the ${analysis.map.steps.length} steps, holding ${wholePercent(share)} of the lead time, rest on assumed figures (or do not say where theirs come from): check them before the figures decide anything.`;
}

/** The changes a board weighs, one row each: the rank on the value/effort chart, plain words, the range, the basis. */
function proposalRows(analysis: ExactAnalysis, ranking: Ranking, shown: readonly Ranked[]): Table {
  const { words } = wordsOf(analysis);
  const { effects, savedAYear, oneOff, yearly } = savingWords(analysis);
  const anyOneOff = shown.some((r) => r.oneOff);
  return {
    kind: 'table',
    head: [
      '#',
      'Change',
      'What it changes',
      ...(yearly ? ['Saved a year'] : []),
      ...(anyOneOff ? ['One-off cost'] : []),
      'Effort',
      'Rests on',
    ],
    right: [0],
    rows: shown.map((r) => [
      String(ranking.ranked.indexOf(r) + 1),
      words(r.opportunity.title),
      effects(r, WHATIF_METRICS),
      ...(yearly ? [savedAYear(r)] : []),
      ...(anyOneOff ? [oneOff(r)] : []),
      `${r.effort} of 5`,
      r.sizes.length ? words(assumption(r.sizes, false, 'board')) : 'a change made or not: no size assumed',
    ]),
  };
}

/** The reasons behind changes, for the notes: why each, what else it changes, what it rests on. */
function reasons(analysis: ExactAnalysis, ranking: Ranking, shown: readonly Ranked[]): string[] {
  const { words } = wordsOf(analysis);
  const { perSegment, savedInShort } = savingWords(analysis);
  // A map with segments: what each change does for each of them, beside the blend the slide gives.
  const bySegment = (r: Ranked) =>
    perSegment(r)
      .map(({ name, share, own }) => ` ${name} (${wholePercent(share)}): ${savedInShort(own)}.`)
      .join('');
  return shown.map(
    (r) =>
      `${ranking.ranked.indexOf(r) + 1}. ${words(r.opportunity.title)}: ${words(r.opportunity.why)}.${r.sizes.length ? ` It assumes ${words(assumption(r.sizes, false, 'board'))}.` : ''}${bySegment(r) ? ` Saved per segment (the slide gives the blend):${bySegment(r)}` : ''}`,
  );
}

/** The recommended changes in plain words with their savings, then all of them by value and effort. */
function proposalSlides(analysis: ExactAnalysis, ranking: Ranking): Slide[] {
  const { days, daysRange, words, units } = wordsOf(analysis);
  const { ranked, together } = ranking;
  if (ranked.length === 0) return [];
  const recommended = ranked.filter(isRecommended);
  const shown = recommended.slice(0, DECK_TOP);
  const title = together
    ? `${recommended.length} changes ${leadTimeMove(days(together.before.leadTime), daysRange(together.low.after.leadTime, together.high.after.leadTime), false)}`
    : recommended.length === 1
      ? `One change ${leadTimeMove(days(recommended[0]!.before.leadTime), daysRange(recommended[0]!.low.after.leadTime, recommended[0]!.high.after.leadTime), true)}`
      : `None of the ${counted(ranked.length, 'change')} found is the company's alone to make at a worthwhile effort`;
  const slides: Slide[] = [];
  if (shown.length > 0)
    slides.push({
      kind: 'table',
      title,
      table: proposalRows(analysis, ranking, shown),
      footnote: [
        togetherSentence(analysis, ranking, { forBoard: true }),
        'Each figure is computed by making the change on a copy of the map and scoring it again; savings overlap, so they do not add up.',
        recommended.length > shown.length &&
          `${recommended.length - shown.length} more recommended changes are in the appendix.`,
        units,
      ]
        .filter(Boolean)
        .join(' '),
      notes: lines(
        `The ${shown.length === 1 ? 'change' : 'changes'} we recommend, each with its number on the value/effort chart (a gap in the numbers is a change not recommended, on the next slide): each figure is a range, from the low to the high end of the size it assumes.`,
        ...reasons(analysis, ranking, shown),
      ),
    });
  const quick = ranked.filter((r) => r.quadrant === 'quick win').length;
  const others = ranked.filter((r) => !isRecommended(r));
  slides.push({
    kind: 'picture',
    picture: prioritiesDrawn(
      ranking,
      analysis.map,
      SLIDE_PAGE,
      quick > 0
        ? `${quick} of the ${counted(ranked.length, 'change')} ${quick === 1 ? 'is a quick win' : 'are quick wins'}: much value for little effort`
        : `No quick win among the ${counted(ranked.length, 'change')}: each takes a project`,
    ),
    notes: lines(
      `Value (the share of the customer's waiting, effort and the business's cost a change takes away, 0 to 5) against effort (0 to 5). ${recommended.length} of the ${ranked.length} are recommended.`,
      others.length > 0 && 'Not recommended, and why:',
      ...others.map(
        (r) =>
          `- ${ranked.indexOf(r) + 1}. ${words(r.opportunity.title)}: ${r.needs.length ? `it needs the agreement of ${r.needs.join(', ')}` : 'a thankless task, much effort for little value'}.`,
      ),
    ),
  });
  return slides;
}

/** Every change considered, recommended or not, in plain words: the appendix's table. */
function allOpportunities(analysis: ExactAnalysis, ranking: Ranking): Slide {
  const { units } = wordsOf(analysis);
  const table = proposalRows(analysis, ranking, ranking.ranked);
  const recommended = ranking.ranked.filter(isRecommended).length;
  return {
    kind: 'table',
    title: `All ${ranking.ranked.length} changes considered: ${recommended} recommended`,
    table: {
      ...table,
      head: [...table.head, 'Recommended'],
      rows: table.rows.map((row, k) => {
        const r = ranking.ranked[k]!;
        return [
          ...row,
          isRecommended(r)
            ? { text: 'yes', tone: 'good' as const }
            : r.needs.length
              ? `needs ${r.needs.join(', ')}`
              : 'no: much effort for little value',
        ];
      }),
    },
    footnote: `Savings overlap, so they do not add up. ${units}`,
    notes: lines('Every change the rules found, best first.', ...reasons(analysis, ranking, ranking.ranked)),
  };
}

/** The decisions asked of the board and who owns each. */
function nextSteps(analysis: ExactAnalysis, ranking: Ranking): Slide {
  const { map } = analysis;
  const { words, units } = wordsOf(analysis);
  const recommended = ranking.ranked.filter(isRecommended);
  const owner = map.process.owner ?? 'the process owner';
  // A change is owned by the company's own team that does the steps it changes; where several do, one is named.
  const owners = (r: Ranked) => {
    const teams = [
      ...new Set(
        r.opportunity.steps
          .map((id) => map.steps.find((s) => s.id === id)!.actor)
          .filter((a) => partyOf(a) === 'staff')
          .map((a) => a.name),
      ),
    ];
    return teams.length === 0 ? owner : teams.length === 1 ? teams[0]! : `one of ${wordList(teams, 'or')}`;
  };
  const rows: [string, string][] = recommended
    .slice(0, DECK_TOP)
    .map((r) => [`Approve: ${words(r.opportunity.title)}`, owners(r)]);
  if (recommended.length > DECK_TOP)
    rows.push([`Approve the ${recommended.length - DECK_TOP} more recommended changes listed in the appendix`, owner]);
  for (const org of [...new Set(ranking.ranked.flatMap((r) => r.needs))]) {
    const which = ranking.ranked.filter((r) => r.needs.includes(org)).map((r) => words(r.opportunity.title));
    rows.push([`Open talks with ${org} on: ${which.join('; ')}`, owner]);
  }
  const { steps, share } = assumedFigures(analysis);
  if (steps > 0)
    rows.push([
      `Measure the figures of the ${steps} of ${map.steps.length} steps that rest on assumptions (${wholePercent(share)} of the lead time) before the changes are committed`,
      owner,
    ]);
  if (rows.length === 0) rows.push(['Confirm the figures the map rests on: no change is recommended', owner]);
  return {
    kind: 'table',
    title:
      recommended.length > 0
        ? `We ask the board for ${counted(rows.length, 'decision')}: approve ${counted(recommended.length, 'change')} and name their owners`
        : `We ask the board for ${counted(rows.length, 'decision')}; no change is recommended yet`,
    table: { kind: 'table', head: ['Decision asked', 'Owner'], rows },
    footnote: units,
    notes: lines(
      "The decisions asked of the board. A change is owned by the company's own team that does the steps it changes; where several do, the board names one. A change that needs another organisation starts with talks, not an approval.",
      steps > 0 && 'The figures that rest on assumptions are named in the appendix (how the figures are computed).',
    ),
  };
}

/** A view in its parts, each titled as its drawing is, with notes about that part alone. */
function partSlides(analysis: Analysis, view: 'blueprint' | 'journey', suffix = ''): Slide[] {
  const { map, effort } = analysis;
  const { d, names, units } = wordsOf(analysis);
  const name = map.process.name;
  // The to-be's pictures say so in their titles, whatever the to-be map is called.
  const named = suffix === '' || /\bto[ -]be\b/i.test(name) ? name : `${name}${suffix}`;
  const of = { ...analysis, map: { ...map, process: { ...map.process, name: named } } };
  const what =
    view === 'blueprint'
      ? 'The service blueprint: what the customer does and sees above the line of interaction, what the company does in view above the line of visibility, and out of view below it.'
      : "The customer's journey: the steps the customer lives on the most likely path, with their feeling; then each other ending and each detour as its own short path.";
  return drawnDiagrams(of, view, SLIDE_PAGE).map((picture) => {
    const steps = picture.drawing.steps ?? map.steps.map((s) => s.index);
    const inPart = steps.map((i) => map.steps[i]!);
    const waits = inPart
      .filter((s) => mean(s.wait) > 0)
      .sort((a, b) => mean(b.wait) - mean(a.wait))
      .slice(0, 4)
      .map(
        (s) =>
          `${s.name} (${d(mean(s.wait))}${effort.darkWait[s.index]! > 0 ? `, ${d(effort.darkWait[s.index]!)} of it without news` : ''})`,
      );
    return {
      kind: 'picture' as const,
      picture,
      notes: lines(
        what,
        picture.part &&
          `This part holds ${inPart.length} of the ${map.steps.length} steps: ${names(steps).join('; ')}.`,
        inPart.some((s) => s.fails) &&
          `Fail points here: ${inPart
            .filter((s) => s.fails)
            .map((s) => `${s.name} (${boardWords(s.fails!, analysis)})`)
            .join('; ')}.`,
        inPart.some((s) => s.momentOfTruth) &&
          `Moments of truth here: ${inPart
            .filter((s) => s.momentOfTruth)
            .map((s) => s.name)
            .join('; ')}.`,
        waits.length > 0 ? `The longest waits here: ${waits.join('; ')}.` : 'No step here has a wait.',
        units,
      ),
    };
  });
}

/** How the figures are computed, in the words of the method, with what rests on assumptions. */
function method(analysis: Analysis): Slide {
  const { map, simulation } = analysis;
  const p = map.process;
  const { d } = wordsOf(analysis);
  const bases = basisShares(analysis);
  const { steps, share } = assumedFigures(analysis);
  const points: [string, string][] = [
    [
      'Lead time',
      'the expected time from the trigger to an end, waits and work, each way weighted by its share of customers; where work runs in parallel, the longest branch (Martin & Osterling 2013)',
    ],
    [
      'PCE and rolled %C&A',
      'value-adding work over the lead time, rework counted as waste; the share of cases that pass every step complete and accurate the first time',
    ],
    ['Without news', `waiting beyond ${d(p.darkAfter)} since the customer's last news`],
    [
      'Effort drivers',
      'repeat contacts, channel switches, transfers and items asked again, per customer, as Dixon, Freeman & Toman (2010) define them',
    ],
    ...(analysis.business.costPerCase !== undefined
      ? [
          [
            'Cost to serve',
            "each step's expected visits times its work time times the hourly cost of who does it, plus its own cost",
          ] as [string, string],
        ]
      : []),
    ['Days', `a day (d) is one of the ${dayWords(p.calendar)}`],
    ...(p.currency ? [['Currency', `every amount is in ${p.currency}`] as [string, string]] : []),
    [
      'The spread',
      `from ${simulation.runs.toLocaleString('en')} simulated customers (seed ${simulation.seed}); every other figure is computed exactly`,
    ],
    [
      'What rests on assumptions',
      `${bases.map((b) => `${b.steps} ${b.basis}`).join(', ')} of ${map.steps.length} steps; ${steps} of them, holding ${wholePercent(share)} of the lead time, rest on assumed figures`,
    ],
  ];
  return {
    kind: 'points',
    title: `How the figures are computed: ${steps} of ${map.steps.length} steps rest on assumed figures`,
    points,
    notes: lines(
      "The method behind every figure in this deck: Lean value-stream metrics (Martin & Osterling 2013; Rother & Shook 1999), the service blueprint (Shostack 1984; Bitner, Ostrom & Morgan 2008), customer-effort drivers (Dixon, Freeman & Toman 2010) and Little's law for queues.",
      'A change with a size (a wait cut by a share, a rework loop made smaller) is an assumption: its figures run from the low to the high end of the size.',
    ),
  };
}

/** Which part of the deck to print: the appendix after the main slides, or the main slides alone. */
export type AppendixChoice = 'all' | 'none';

/**
 * The deck of one or more maps: each map's main slides in turn, then (unless left out) a divider and each map's
 * appendix.
 */
export function deckSlides(stories: readonly DeckStory[], appendix: AppendixChoice): Slide[] {
  const main = stories.flatMap((s) => s.main);
  if (appendix === 'none') return main;
  return [
    ...main,
    {
      kind: 'divider',
      title: 'Appendix',
      subtitle:
        'The detail behind the figures: the full scorecard, every change considered, the blueprint and the journey step by step, and how the figures are computed',
      notes: 'The appendix holds the detail a board member may ask for; the main slides before it tell the story.',
    },
    ...stories.flatMap((s) => s.appendix),
  ];
}

/** What the portfolio's deck is made of: the portfolio's figures, each journey's cards, the date. */
export interface PortfolioDeckInput {
  model: PortfolioModel;
  /** The persona cards of each journey, in lifecycle order. */
  cards: readonly (readonly PersonaCard[])[];
  date: string;
}

/**
 * The portfolio's part of a deck, before each journey's own: the title slide, the journeys ranked, the lifecycle
 * strip, the personas across the journeys, the programmes, the teams' load and every change on one value/effort
 * chart. Titles are sentences with their figures; journeys, teams and changes by name.
 */
export function portfolioStory({ model, cards, date }: PortfolioDeckInput): Slide[] {
  const { amount, money, journeyName } = portfolioWords(model);
  const cell = (c: Cell) => (typeof c === 'string' ? c : c.text);
  const n = model.journeys.length;
  const slides: Slide[] = [
    {
      kind: 'title',
      title: model.name,
      subtitle: `The customer's lifecycle in ${counted(n, 'journey')}: which costs customers the most, where one change helps several`,
      facts: [
        ['Journeys', model.journeys.map((j) => j.name).join(' → ')],
        ['Date', date],
        ...(model.currency ? [['Currency', `every amount is in ${model.currency}`] as [string, string]] : []),
      ],
      notes: lines(
        `This deck looks at "${model.name}" as the customer lives it: ${counted(n, 'journey')} one after another, ${model.journeys.map((j) => j.name).join(', then ')}.`,
        "First the portfolio: the journeys ranked, the lifecycle, the customers, the changes that help several journeys, the teams' load; then each journey's own story; the detail is in the appendix.",
      ),
    },
  ];

  const first = model.journeys[model.order[0]!]!;
  const days = (j: RankedJourney) => yearlyOf(j.score)?.customerDays;
  const unranked = model.journeys.filter((j) => j.rank === null);
  slides.push({
    kind: 'table',
    title:
      first.rank === null
        ? `None of the ${counted(n, 'journey')} gives its cases a year, so none is ranked`
        : `${first.name} costs customers the most: ${cell(amount(days(first)))} customer days a year`,
    table: plainTable(rankingTable(model)),
    footnote: [
      'Customer days a year: the lead time in days times the cases a year; a map with segments gives the blend of its segments.',
      unranked.length > 0 &&
        `Not ranked, as their maps give no cases a year: ${wordList(unranked.map((j) => j.name))}.`,
    ]
      .filter(Boolean)
      .join(' '),
    notes: lines(
      'The journeys ranked by the days customers spend in them a year, then by their cost a year, then by their dark time (waiting without news). Each figure is the one cxmap scores for that journey alone.',
      ...model.order.map((i) => {
        const j = model.journeys[i]!;
        const y = yearlyOf(j.score);
        return `- ${j.name}: ${y?.customerDays == null ? 'no cases a year given, not ranked' : `${cell(amount(y.customerDays))} customer days${y.cost == null ? '' : ` and ${cell(money(y.cost))}`} a year`}.`;
      }),
      "A ranking by customer days counts every customer day alike: a board that weighs one journey's days above another's should say so beside it.",
    ),
  });

  const stages = model.lifecycle.flatMap((l) => l.stages);
  const hurt = stages.filter((s) => s.feeling !== undefined && s.feeling < 0).length;
  const strip = lifecycleDrawn(stripOf(model), `${model.name} · the lifecycle`, SLIDE_BODY);
  strip.forEach((picture) =>
    slides.push({
      kind: 'picture',
      picture,
      title: `Customers feel bad or worse in ${hurt} of the ${stages.length} stages of their ${counted(n, 'journey')}${picture.part ? ` (part ${picture.part.index} of ${picture.part.count})` : ''}`,
      footnote:
        'Each stage shows the worst feeling the customer records in it; an arrow marks where one journey hands the customer on to the next.',
      notes: lines(
        "The lifecycle: each journey's stages in the order the customer lives them, with the worst feeling recorded in each stage, and where one journey hands the customer on to the next.",
        ...model.lifecycle.flatMap((l, i) => [
          `${journeyName(i)}:`,
          ...l.stages.map(
            (s) =>
              `- ${s.stage}: ${s.feeling === undefined ? 'no feeling recorded' : `${feelingWord(s.feeling)}, at ${s.at}`}.`,
          ),
          ...(i + 1 < n
            ? [
                `It hands the customer on to ${journeyName(i + 1)}: from ${wordList(l.ends, 'or')} to ${model.lifecycle[i + 1]!.starts}.`,
              ]
            : []),
        ]),
      ),
    }),
  );

  const personas = portfolioPersonas(model, cards);
  if (personas) slides.push(personas);

  const programmes = programmesTable(model);
  const top = model.programmes[0];
  if (programmes && top)
    slides.push({
      kind: 'table',
      title: `One programme for ${top.on.name} across ${counted(top.journeys.length, 'journey')}: ${counted(top.members.length, 'change')}${top.customerDays === null ? '' : ` that save ${cell(amount(top.customerDays))} customer days a year together`}`,
      table: plainTable(programmes),
      footnote:
        "A programme: the recommended changes of two journeys or more that act on the same team or channel, each by its number on the value and effort chart. It saves what its changes save made together in each journey, at the middle of their sizes; a change may be in several programmes, so the programmes' savings do not add up. A programme of status updates and asking once saves no days: it cuts the customer's silence and effort.",
      notes: lines(
        'Where one change helps several journeys: the changes that act on the same team (the customer left out) or channel, from two journeys or more, grouped as one programme.',
        ...model.programmes.map(
          (p) =>
            `- ${p.on.name}: ${p.members.map((k) => `${k + 1}. ${model.opportunities[k]!.ranked.opportunity.title}`).join('; ')}.`,
        ),
      ),
    });

  const teams = teamsTable(model);
  const busiest = model.teams[0];
  if (teams && busiest)
    slides.push({
      kind: 'table',
      title: `${busiest.name} carries the most work: ${cell(amount(busiest.hours))} hours a year${busiest.cost === undefined ? '' : `, ${cell(money(busiest.cost))}`}`,
      table: plainTable(teams),
      footnote: `Hours of work a year: expected visits × work × cases a year over the team's steps, at its hourly cost.${unranked.length > 0 ? ` Journeys without cases a year are not counted: ${wordList(unranked.map((j) => j.name))}.` : ''}`,
      notes: lines(
        "Each team's load across the journeys: the hours its steps take a year, and their cost at the team's hourly cost.",
        ...model.teams.map(
          (t) =>
            `- ${t.name}: ${t.journeys.map((j) => `${journeyName(j.journey)} ${show('amount', j.hours)} h`).join(', ')}.`,
        ),
      ),
    });

  const ranked = model.matrix.ranked;
  if (ranked.length > 0) {
    const quick = ranked.filter((r) => r.quadrant === 'quick win').length;
    const named = { steps: [], process: { name: model.name } };
    const title = (shown: number) =>
      `${quick > 0 ? `${quick} of the ${counted(ranked.length, 'change')} across the journeys ${quick === 1 ? 'is a quick win' : 'are quick wins'}` : `No quick win among the ${counted(ranked.length, 'change')} across the journeys`}${shown < ranked.length ? `; the best ${shown} drawn` : ''}`;
    const drawnWith = (shown: number) =>
      prioritiesDrawn({ ...model.matrix, ranked: ranked.slice(0, shown) }, named, SLIDE_PAGE, title(shown));
    // As many changes, best first, as the chart's key holds at 10 pt on the slide; the rest in the appendix's table.
    let shown = ranked.length;
    let picture = drawnWith(shown);
    while (shown > 1 && picture.drawing.minText * picture.scale < DECK_MIN_PT) picture = drawnWith(--shown);
    slides.push({
      kind: 'picture',
      picture,
      ...(shown < ranked.length
        ? {
            footnote: `Changes ${shown + 1} to ${ranked.length} are in the appendix, with every change across the journeys.`,
          }
        : {}),
      notes: lines(
        "Every journey's changes on one chart: value (the share of the customer's waiting, effort and the business's cost a change takes away, 0 to 5) against effort (0 to 5). The numbers are those of the programmes and of the appendix's table.",
        ...ranked.map((r, k) => `${k + 1}. ${r.opportunity.title} (${r.quadrant}).`),
      ),
    });
  }
  return slides;
}

/** The smallest text of a slide, in points, outside its foot band. */
const DECK_MIN_PT = 10;

/** The portfolio's appendix: every change across the journeys, the matrix's numbers and their journeys. */
export function portfolioAppendix(model: PortfolioModel): Slide[] {
  if (model.opportunities.length === 0) return [];
  return [
    {
      kind: 'table',
      title: `Every change across the ${counted(model.journeys.length, 'journey')}: ${model.opportunities.length}, best first`,
      table: plainTable(opportunitiesTable(model)),
      footnote:
        "Savings a year at the middle of their sizes; savings overlap, so they do not add up. Each journey's appendix says what each change rests on.",
      notes:
        'Every change the rules found in the journeys, ranked on one value and effort scale, with its number on the chart.',
    },
  ];
}

/**
 * The personas across the journeys, each once: whom it stands for in each journey (its segments and their shares);
 * none when no journey names a persona.
 */
function portfolioPersonas(model: PortfolioModel, cards: PortfolioDeckInput['cards']): Slide | undefined {
  const ids = [...new Set(cards.flatMap((c) => c.map((card) => card.id)))];
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, DECK_CARDS).map((id) => {
    const own = cards.flatMap((c, i) => c.filter((card) => card.id === id).map((card) => ({ card, journey: i })));
    const shares = own.map((o) => o.card.share);
    const [low, high] = [Math.min(...shares), Math.max(...shares)].map(wholePercent);
    const segments = [...new Set(own.flatMap((o) => o.card.segments.map((s) => s.name)))];
    const persona = own[0]!.card.persona;
    const card: SlideCard = {
      name: persona.name,
      standsFor: `${segments.length > 0 ? `${wordList(segments)}, ` : ''}${low === high ? low : `${low} to ${high}`} of the customers of ${counted(own.length, 'journey')}`,
      ...(persona.description ? { description: persona.description } : {}),
      points: cardPoints(persona),
      ...(persona.quote ? { quote: persona.quote } : {}),
    };
    return { card, own };
  });
  return {
    kind: 'cards',
    title: `Who we mapped: ${counted(ids.length, 'persona')} across the ${counted(model.journeys.length, 'journey')}`,
    cards: shown.map((c) => c.card),
    notes: lines(
      'The personas the team agreed for the customers of these journeys: archetypes drawn from research, each standing for a share of the customers of each journey (its segments there).',
      ...shown.map(
        (c) =>
          `- ${c.card.name}: ${c.own.map((o) => `${wholePercent(o.card.share)} of ${model.journeys[o.journey]!.name}`).join(', ')}.`,
      ),
      ids.length > DECK_CARDS && `${counted(ids.length - DECK_CARDS, 'more persona')} in the report.`,
    ),
  };
}
