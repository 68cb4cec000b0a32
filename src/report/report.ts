/**
 * The workshop report of a map: who and what it is for, the scorecard against targets and benchmarks, (with
 * segments) each segment's figures beside the blend, where the time goes, the diagrams, the steps, the ranked
 * opportunities with their computed savings, and how much of the map rests on assumed figures. Built once as blocks
 * (for Markdown, HTML and the terminal) and once as JSON.
 */
import { formatDuration, mean, wholePercent } from '../core/index.js';
import type { Basis } from '../load/index.js';
import {
  type Analysis,
  type ExactAnalysis,
  type SegmentedAnalysis,
  metric,
  METRICS,
  milestoneFigures,
  jsonValue,
  show,
  showChange,
  blendedTimeSplit,
  type StageTargetFigures,
  type TargetGap,
  type Units,
} from '../analysis/index.js';
import {
  assumption,
  considered,
  IMPACT_DIMENSIONS,
  isRecommended,
  targetNames,
  MOST_PLACES,
  WHATIF_METRICS,
  type Evaluated,
  type Figures,
  type Level,
  type Outcome,
  type YearlySaving,
  type Ranked,
  type Ranking,
} from '../rules/index.js';
import type { Diagram, Drawn } from '../render/index.js';
import { pictureBlocks, type Block, type Cell, type TextBlock } from './document.js';
import { scoreJson } from './score-json.js';
import { segmentFigures } from './scorecard.js';
import { unitFacts } from './units.js';
import { forSegment, savingWords, togetherSentence } from './savings.js';
import { executiveSummary, summaryBlocks } from './summary.js';
import { personaBlocks, personasJson, type PersonaCard } from './personas.js';

/** The views a report shows, in its order. */
export const REPORT_VIEWS = ['time', 'blueprint', 'journey', 'matrix'] as const;

interface BasisShare {
  basis: Basis | 'not given';
  steps: number;
  /** Share of the lead time held by these steps. */
  leadTimeShare: number;
}

/** How much of the map rests on measured, observed or assumed figures: steps and their share of the lead time. */
export function basisShares(analysis: ExactAnalysis): BasisShare[] {
  const classes: BasisShare['basis'][] = ['measured', 'observed', 'assumed', 'not given'];
  return classes.map((basis) => {
    const steps = analysis.map.steps.filter((s) => (s.basis ?? 'not given') === basis);
    return {
      basis,
      steps: steps.length,
      leadTimeShare: steps.reduce((sum, s) => sum + analysis.scores[s.index]!.delayShare, 0),
    };
  });
}

/** The steps whose figures are assumed or of no stated basis, and their share of the lead time. */
export function assumedFigures(analysis: ExactAnalysis) {
  const assumed = basisShares(analysis).filter((b) => b.basis === 'assumed' || b.basis === 'not given');
  return { steps: assumed.reduce((n, b) => n + b.steps, 0), share: assumed.reduce((n, b) => n + b.leadTimeShare, 0) };
}

/**
 * The report of a map, with its pictures as Mermaid text (Markdown) or as drawn by cxmap (HTML); a map with segments
 * (`segmented`) adds their figures after the scorecard, and one that names personas (`cards`) their cards before.
 */
export function reportBlocks<P extends Diagram | Drawn>(
  analysis: Analysis,
  file: string,
  ranking: Ranking,
  diagrams: readonly P[],
  segmented?: SegmentedAnalysis,
  cards: readonly PersonaCard[] = [],
): Block<P>[] {
  const { map, simulation } = analysis;
  return [
    ...headerBlocks(
      analysis,
      `Map ${file}: ${map.steps.length} steps. Lead-time spread from ${simulation.runs.toLocaleString('en')} simulated customers (seed ${simulation.seed}).`,
    ),
    ...summaryBlocks(executiveSummary(analysis, ranking)),
    ...scorecardBlocks(analysis),
    ...personaBlocks(cards),
    ...(segmented ? segmentBlocks(analysis, segmented) : []),
    ...timeBlocks(
      analysis,
      diagrams.filter((d) => d.view !== 'priorities'),
    ),
    ...stepBlocks(analysis),
    { kind: 'heading', level: 2, text: 'Opportunities' },
    ...opportunityBlocks(analysis, ranking, { priorities: diagrams.find((d) => d.view === 'priorities') }),
    ...basisBlocks(analysis),
  ];
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Who and what the map is for, what its days and amounts are in, and (`about`) where the figures come from. */
export function headerBlocks(analysis: ExactAnalysis, about?: string): TextBlock[] {
  const p = analysis.map.process;
  return [
    { kind: 'heading', level: 1, text: p.name },
    {
      kind: 'facts',
      items: [
        ['Customer', p.customer],
        ['Goal', p.goal],
        ...(p.trigger ? [['Trigger', p.trigger] as [string, string]] : []),
        ...(p.owner ? [['Owner', p.owner] as [string, string]] : []),
        ...unitFacts(analysis),
      ],
    },
    ...(about ? [{ kind: 'paragraph' as const, text: about }] : []),
  ];
}

/** The metrics the analysis has (the percentiles need the simulation), with the targets beside them; the benchmarks. */
export function scorecardBlocks(analysis: ExactAnalysis | Analysis): TextBlock[] {
  const units = analysis.map.process;
  const cal = units.calendar;
  const blocks: TextBlock[] = [{ kind: 'heading', level: 2, text: 'Scorecard' }];
  blocks.push({
    kind: 'table',
    head: ['Metric', 'Value', 'Target', ''],
    right: [1, 2],
    rows: METRICS.filter((m) => m.table).flatMap((m) => {
      const value = m.of(analysis);
      if (value === undefined) return [];
      const target = analysis.targets.find((t) => t.metric === m.id);
      return [
        [
          m.label,
          show(m.unit, value, units),
          target ? show(m.unit, target.target, units) : '',
          targetStatus(target, units),
        ],
      ];
    }),
  });
  blocks.push(...stageTargetBlocks(analysis));
  const milestones = milestoneFigures(analysis);
  if (milestones.length > 0) {
    const d = (s: number) => formatDuration(s, cal);
    const simulated = milestones.some((m) => m.percentiles);
    blocks.push({
      kind: 'table',
      head: ['Milestone', 'Lead time', ...(simulated ? ['p50', 'p85', 'p95'] : []), 'Customers who get there'],
      right: simulated ? [1, 2, 3, 4, 5] : [1, 2],
      rows: milestones.map((m) => [
        m.name,
        d(m.mean),
        ...(simulated
          ? [m.percentiles?.p50, m.percentiles?.p85, m.percentiles?.p95].map((x) => (x === undefined ? '' : d(x)))
          : []),
        pct(m.reached),
      ]),
    });
  }
  if (analysis.benchmarks.length > 0) {
    blocks.push({
      kind: 'table',
      head: ['Benchmark', 'Metric', 'Theirs', 'Ours', ''],
      right: [2, 3],
      rows: analysis.benchmarks.map((b) => {
        const { label, unit } = metric(b.metric);
        const verdict: Cell = b.matched
          ? { text: 'matched', tone: 'good' }
          : { text: b.metric === 'leadTime' ? `${b.ratio.toFixed(1)}× as long` : 'behind', tone: 'bad' };
        return [b.name, label, show(unit, b.value, units), show(unit, b.actual, units), verdict];
      }),
    });
  }
  return blocks;
}

/**
 * A map with segments: what differs most between them, each segment's figures beside the blend (those of
 * `cxmap score`) and what the rest of the report is about (the personas' cards come before, in their own section).
 */
function segmentBlocks(analysis: Analysis, segmented: SegmentedAnalysis): TextBlock[] {
  const { columns, rows } = segmentFigures(analysis, segmented);
  return [
    { kind: 'heading', level: 2, text: 'Segments' },
    { kind: 'paragraph', text: segmentsDiffer(analysis, segmented) },
    { kind: 'table', head: ['Metric', ...columns], right: columns.map((_, k) => k + 1), rows },
    {
      kind: 'paragraph',
      text: 'The blend: additive figures weighted by share, ratios recomputed from the blended figures, percentiles from one simulation of all segments together (docs/scoring.md, "Segments"). The executive summary, the scorecard, the savings of the opportunities and the checks are the blend; the steps and the diagrams are those of the map as written, before what differs for each segment.',
    },
  ];
}

/**
 * Where the segments differ most, in a sentence: the segment with the longest lead time, and by how much it is
 * longer than the one with the shortest.
 */
export function segmentsDiffer(analysis: ExactAnalysis, segmented: SegmentedAnalysis): string {
  const d = (s: number) => formatDuration(s, analysis.map.process.calendar);
  const lead = (s: SegmentedAnalysis['segments'][number]) => s.analysis.time.leadTime;
  const [first, ...others] = segmented.segments;
  if (!first) return 'The map has no segments.';
  const longest = others.reduce((a, b) => (lead(b) > lead(a) ? b : a), first);
  const shortest = others.reduce((a, b) => (lead(b) < lead(a) ? b : a), first);
  if (d(lead(longest)) === d(lead(shortest)))
    return `${segmented.segments.length === 1 ? 'The one segment takes' : 'Every segment takes'} the same lead time, ${d(lead(first))}.`;
  return `${longest.segment.name} has the longest lead time, ${d(lead(longest))}: ${d(lead(longest) - lead(shortest))} longer than ${shortest.segment.name}${others.length > 1 ? ', the shortest' : ''} (${d(lead(shortest))}).`;
}

/** Whether a target is met, and by how much it is missed: `met`, `missed by 1 h`. */
function targetStatus(target: TargetGap | undefined, units: Units): Cell {
  if (!target) return '';
  if (target.met) return { text: 'met', tone: 'good' };
  return { text: `missed by ${showChange(metric(target.metric).unit, target.gap, units).slice(1)}`, tone: 'bad' };
}

/**
 * The stages that set targets, each with its time and the success rate through it beside their targets; nothing
 * when no stage sets any.
 */
function stageTargetBlocks(analysis: ExactAnalysis): TextBlock[] {
  const units = analysis.map.process;
  if (analysis.stageTargets.length === 0) return [];
  const cells = (s: StageTargetFigures, id: 'leadTime' | 'successRate', actual: number): Cell[] => {
    const target = s.targets.find((t) => t.metric === id);
    const { unit } = metric(id);
    return [show(unit, actual, units), target ? show(unit, target.target, units) : '', targetStatus(target, units)];
  };
  return [
    { kind: 'heading', level: 3, text: 'Stages against their targets' },
    {
      kind: 'table',
      head: ['Stage', 'Time', 'Target', '', 'Success rate through it', 'Target', ''],
      right: [1, 2, 4, 5],
      rows: analysis.stageTargets.map((s) => [
        s.stage,
        ...cells(s, 'leadTime', s.leadTime),
        ...cells(s, 'successRate', s.successRate),
      ]),
    },
  ];
}

/** Where the time goes, in words: the waiting's share of the lead time, then the work by value class. */
export function timeSentence(analysis: ExactAnalysis): string {
  const d = (s: number) => formatDuration(s, analysis.map.process.calendar);
  const split = blendedTimeSplit(analysis);
  const leadTime = metric('leadTime').of(analysis)!;
  const work = split
    .slice(1)
    .filter((s) => s.seconds > 0)
    .map((s, k) => `${k === 0 ? s.label : s.label.charAt(0).toLowerCase() + s.label.slice(1)}: ${d(s.seconds)}`);
  const waits = `Of a lead time of ${d(leadTime)}, the customer waits ${d(split[0]!.seconds)} (${pct(leadTime > 0 ? split[0]!.seconds / leadTime : 0)}).`;
  return work.length > 0 ? `${waits} ${work.join('; ')}.` : `${waits} No step has work recorded.`;
}

/** Where the time goes: the numbers, then the diagrams. */
function timeBlocks<P extends Diagram | Drawn>(analysis: Analysis, diagrams: readonly P[]): Block<P>[] {
  return [
    { kind: 'heading', level: 2, text: 'Where the time goes' },
    { kind: 'paragraph', text: timeSentence(analysis) },
    // The chart of where the time goes needs no heading of its own: the section's is its.
    ...pictureBlocks(diagrams, 3, (d) => d.view !== 'time'),
  ];
}

function stepBlocks({ map, time, scores }: Analysis): TextBlock[] {
  const d = (s: number) => formatDuration(s, map.process.calendar);
  return [
    { kind: 'heading', level: 2, text: 'Steps' },
    {
      kind: 'table',
      head: ['Step', 'Lane', 'Wait', 'Work', 'Visits', 'Delay', 'Value', 'Verdict', 'Why'],
      right: [2, 3, 4, 5, 6],
      rows: map.steps.map((s, i) => {
        const score = scores[i]!;
        const verdict: Cell =
          score.verdict === 'keep'
            ? { text: 'keep', tone: 'good' }
            : score.verdict === 'remove' || score.verdict === 'rethink'
              ? { text: score.verdict, tone: 'bad' }
              : score.verdict;
        return [
          `\`${s.id}\` ${s.name}`,
          s.actor.kind,
          d(mean(s.wait)),
          d(mean(s.work)),
          time.visits[i]!.toFixed(2),
          pct(score.delayShare),
          String(score.value),
          verdict,
          score.reasons.join('; '),
        ];
      }),
    },
  ];
}

/**
 * The opportunities, ranked by value against effort: those proposed as a table (the first `top`, when given), then
 * what the recommended ones do together, the other ways to make the same changes, what was considered and not
 * proposed, and the value/effort matrix (`priorities`).
 */
export function opportunityBlocks<P extends Diagram | Drawn = never>(
  analysis: ExactAnalysis,
  ranking: Ranking,
  options: { top?: number; priorities?: P } = {},
): Block<P>[] {
  const { ranked } = ranking;
  if (considered(ranking).length === 0)
    return [{ kind: 'paragraph', text: 'No rule finds an opportunity in this map.' }];
  const { savingCell, effects, otherEffects, savedAYear, oneOff, yearly, savedInShort, perSegment } =
    savingWords(analysis);
  // Beside the title, which names the places.
  const assumes = (o: Evaluated) => assumption(o.sizes, false);
  const anyMeets = ranked.some((r) => r.meets.length > 0);
  const shown = options.top === undefined ? ranked : ranked.slice(0, options.top);
  const anySized = shown.some((r) => r.sizes.length > 0);
  const anyOneOff = shown.some((r) => r.oneOff);
  const name = (r: Ranked) => `${r.opportunity.title} (\`${r.opportunity.id}\`)`;
  // The dimensions of impact as the ranking defines them; the cost counts only where the map gives costs.
  const always = IMPACT_DIMENSIONS.filter((d) => d.id !== 'cost').map((d) => d.label);
  const cost = IMPACT_DIMENSIONS.find((d) => d.id === 'cost')!.label;
  const dimensions = `${always.join(', ')} and, where the map gives costs, ${cost}`;
  const blocks: Block<P>[] = [
    {
      kind: 'paragraph',
      text: `Ranked by value against effort: each change's impact (the share it takes away of ${dimensions}) for each step of effort, 0 to 5 (docs/scoring.md). Each figure is computed: the change is made on a copy of the map and the map is scored again. A change with a size (a wait cut by a share, a rework loop made smaller) is an assumption: its savings run from the low to the high end of the size it assumes, named beside them, and the ranking takes the middle. Savings overlap, so they do not add up.`,
    },
  ];
  if (shown.length > 0)
    blocks.push({
      kind: 'table',
      head: [
        '#',
        'Opportunity',
        'Value',
        'Effort',
        'Matrix',
        'Lead time',
        'Other effects',
        ...(yearly ? ['Saved a year'] : []),
        ...(anyOneOff ? ['One-off cost'] : []),
        ...(anyMeets ? ['Meets'] : []),
        ...(anySized ? ['Assumes'] : []),
        'Why',
      ],
      right: [0, 2, 3, 5],
      rows: shown.map((r, k) => [
        String(k + 1),
        name(r),
        r.value.toFixed(1),
        `${r.effort}${r.effortFrom === 'rule' ? '' : ` (${r.effortFrom})`}`,
        r.quadrant === 'thankless task'
          ? { text: `${r.quadrant}: not recommended`, tone: 'bad' }
          : r.needs.length > 0
            ? { text: `${r.quadrant}: not the company's alone to make`, tone: 'bad' }
            : r.quadrant === 'quick win'
              ? { text: r.quadrant, tone: 'good' }
              : r.quadrant,
        savingCell('leadTime', r),
        otherEffects(r),
        ...(yearly ? [savedAYear(r)] : []),
        ...(anyOneOff ? [oneOff(r)] : []),
        ...(anyMeets ? [r.meets.length ? { text: targetNames(r.meets), tone: 'good' as const } : ''] : []),
        ...(anySized ? [assumes(r)] : []),
        r.opportunity.why,
      ]),
    });
  if (options.top !== undefined) return blocks;
  // A map with segments: what each change saves each segment, beside the blend the ranking uses.
  const segments = analysis.segmented?.segments ?? [];
  if (segments.length > 0 && shown.length > 0) {
    blocks.push(
      {
        kind: 'paragraph',
        text: "What each change does for each segment: the figures of a case it moves and, a year, what it saves (each segment carries its share of the volume). The blend, which the ranking uses, is the share-weighted sum of the segments' figures of a case and the sum of their savings a year.",
      },
      {
        kind: 'table',
        head: [
          '#',
          'Opportunity',
          ...segments.map((s) => `${s.segment.name} (${wholePercent(s.segment.share)})`),
          'Blend',
        ],
        right: [0],
        rows: shown.map((r, k) => [
          String(k + 1),
          name(r),
          ...perSegment(r).map((x) => savedInShort(x.own)),
          savedInShort(r),
        ]),
      },
    );
  }
  const together = togetherSentence(analysis, ranking);
  if (together) blocks.push({ kind: 'paragraph', text: together });
  if (ranking.alternatives.length > 0)
    blocks.push(
      { kind: 'paragraph', text: 'Other ways to make a change above (each changes what a better-ranked one changes):' },
      {
        kind: 'list',
        items: ranking.alternatives.map((a) => `${name(a.ranked)}, instead of #${ranked.indexOf(a.instead) + 1}`),
      },
    );
  if (ranking.noGain.length > 0)
    blocks.push(
      {
        kind: 'paragraph',
        text: 'Considered and not proposed: what each would add for the customer outweighs what it would take away, or it changes nothing.',
      },
      {
        kind: 'list',
        items: ranking.noGain.map((r) => {
          const all = effects(r, WHATIF_METRICS);
          return `${name(r)}: ${r.opportunity.why}; ${all ? `it would change ${all}` : 'nothing the customer feels would change'}`;
        }),
      },
    );
  if (ranking.unused.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: `Effort estimates that name no opportunity of this map: ${ranking.unused.map((u) => `\`${u.id}\` (${u.from})`).join(', ')}. A rule that finds more than ${MOST_PLACES} places makes them one change, named by the rule alone.`,
    });
  if (ranking.unusedLevers.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: `Lever sizes that name no place of an opportunity of this map: ${ranking.unusedLevers.map((u) => `\`${u.id}\` (${u.from})`).join(', ')}.`,
    });
  if (options.priorities && ranked.length > 0)
    blocks.push(
      { kind: 'heading', level: 3, text: 'Value against effort' },
      { kind: 'diagram', diagram: options.priorities },
    );
  return blocks;
}

function basisBlocks(analysis: Analysis): TextBlock[] {
  const bases = basisShares(analysis);
  const assumed = assumedFigures(analysis);
  return [
    { kind: 'heading', level: 2, text: 'How much rests on assumptions' },
    {
      kind: 'paragraph',
      text: `${assumed.steps} of ${analysis.map.steps.length} steps, holding ${pct(assumed.share)} of the lead time, rest on assumed figures (or do not say): check them before the figures are used for a decision.`,
    },
    {
      kind: 'table',
      head: ['Basis of the figures', 'Steps', 'Share of the lead time'],
      right: [1, 2],
      rows: bases.map((e) => [e.basis, String(e.steps), pct(e.leadTimeShare)]),
    },
  ];
}

/** Everything the report shows, as data: durations in seconds, ratios from 0 to 1. */
/**
 * The opportunities of a map in its JSON (`cxmap score --format json` and the report's JSON): each ranked one, the
 * alternatives and those with no gain, every saving as { low, mid, high } with the assumption behind it, and what the
 * recommended ones do together.
 */
/** A figure in the JSON: rounded to 6 decimals, so that the output is stable and diffs cleanly. */
const r = (x: number) => Math.round(x * 1e6) / 1e6;

export function rankingJson(ranking: Ranking) {
  const figures = (f: Figures) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, r(v)]));
  // A figure at the three sizes of the levers: { low, mid, high }.
  const range = (x: Record<Level, number>, round: (x: number) => number) => ({
    low: round(x.low),
    mid: round(x.mid),
    high: round(x.high),
  });
  const amount = (x: number) => jsonValue('amount', x);
  // What changes save at the three sizes: the blend's (`e` itself) or one segment's (`forSegment`).
  const savings = (e: Evaluated) => {
    const at = (of: (o: Outcome) => number) => ({ low: of(e.low), mid: of(e), high: of(e.high) });
    return {
      saving: Object.fromEntries(
        WHATIF_METRICS.map((id) => [
          id,
          range(
            at((o) => o.saving[id]),
            r,
          ),
        ]),
      ),
      yearly: Object.fromEntries(
        (Object.keys(e.yearly) as (keyof YearlySaving)[]).map((k) => [
          k,
          e.yearly[k] === null
            ? null
            : range(
                at((o) => o.yearly[k]!),
                amount,
              ),
        ]),
      ),
    };
  };
  const evaluated = (e: Evaluated) => {
    return {
      meets: e.meets,
      before: figures(e.before),
      after: figures(e.after),
      ...savings(e),
      ...(e.segments && {
        segments: e.segments.map((s, k) => ({ id: s.segment.id, name: s.segment.name, ...savings(forSegment(e, k)) })),
      }),
      oneOffCost: e.oneOff ? range(e.oneOff, amount) : null,
      assumption: e.sizes.length ? assumption(e.sizes) : null,
      sizes: e.sizes.map((s) => {
        const unit = s.unit === 'duration' ? 'duration' : 'percent';
        return {
          place: s.place,
          what: s.what,
          unit: s.unit,
          now: jsonValue(unit, s.now),
          setting: s.setting,
          from: s.from,
          to: range(s.to, (x) => jsonValue(unit, x)),
        };
      }),
    };
  };
  const opportunity = (o: Ranked) => ({
    id: o.opportunity.id,
    rule: o.opportunity.rule,
    title: o.opportunity.title,
    why: o.opportunity.why,
    steps: o.opportunity.steps,
    value: r(o.value),
    effort: o.effort,
    effortFrom: o.effortFrom,
    impact: {
      total: r(o.impact.total),
      ...Object.fromEntries(Object.entries(o.impact.shares).map(([k, v]) => [k, r(v)])),
    },
    priority: r(o.priority),
    quadrant: o.quadrant,
    needs: o.needs,
    ...evaluated(o),
  });
  return {
    opportunities: [
      ...ranking.ranked.map((o, k) => ({
        rank: k + 1,
        status: 'ranked',
        recommended: isRecommended(o),
        ...opportunity(o),
      })),
      ...ranking.alternatives.map((a) => ({
        status: 'alternative',
        recommended: false,
        insteadOf: a.instead.opportunity.id,
        ...opportunity(a.ranked),
      })),
      ...ranking.noGain.map((o) => ({ status: 'no gain', recommended: false, ...opportunity(o) })),
    ],
    together: ranking.together
      ? { changes: ranking.together.changes.map((c) => c.id), ...evaluated(ranking.together) }
      : null,
    unusedEffort: ranking.unused,
    unusedLevers: ranking.unusedLevers,
  };
}

export function reportJson(
  analysis: Analysis,
  file: string,
  ranking: Ranking,
  diagrams: readonly Diagram[],
  segmented?: SegmentedAnalysis,
  cards: readonly PersonaCard[] = [],
) {
  return {
    ...scoreJson(analysis, file, segmented),
    // Only a map that names a defined persona has the key: the JSON of every other map is as it was.
    ...(cards.length > 0 ? { personas: personasJson(cards) } : {}),
    timeSplit: blendedTimeSplit(analysis).map((s) => ({ label: s.label, seconds: r(s.seconds) })),
    ...rankingJson(ranking),
    basis: basisShares(analysis).map((e) => ({ ...e, leadTimeShare: r(e.leadTimeShare) })),
    diagrams: diagrams.map((d) => ({
      view: d.view,
      caption: d.caption,
      ...(d.part ? { part: d.part } : {}),
      ...(d.note ? { note: d.note } : {}),
      mermaid: d.text,
    })),
  };
}
