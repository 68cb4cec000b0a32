/**
 * The executive summary: the answer first (Minto's pyramid principle), for the board. One sentence with the figure
 * that says what the customer lives; the headline figures against their target and the best benchmark (lead time,
 * success rate, dark time, cost to serve a case and a year, customer days a year); what the recommended changes do
 * together, with their range; and the decision asked. The report opens with it; the deck's summary slide says the
 * same. Every figure is read from the metric registry, as `cxmap score --format json` reads it.
 */
import { durationInWords, formatDuration, wholePercent, wordList } from '../core/index.js';
import { metric, segmentsMissing, show, type ExactAnalysis, type MetricId } from '../analysis/index.js';
import { between, isRecommended, plainWords, type Ranking } from '../rules/index.js';
import { type Cell, type TextBlock } from './document.js';
import { leadTimeMove, savingWords, togetherSentence } from './savings.js';

/** The figures a board asks for first, in this order; each shown where the map has it. */
export const HEADLINE_METRICS = [
  'leadTime',
  'goalTime',
  'successRate',
  'darkTime',
  'costPerCase',
  'yearlyCost',
  'yearlyCustomerDays',
] as const satisfies readonly MetricId[];

export interface HeadlineFigure {
  metric: MetricId;
  label: string;
  /** The value as the analysis has it (seconds, a share, an amount). */
  value: number;
  now: string;
  /** The map's target, shown, and whether it is met; empty when none. */
  target: string;
  status: Cell;
  /** The best benchmark of the metric, shown with its name; empty when none. */
  benchmark: string;
}

export interface ExecutiveSummary {
  /** What the customer lives, in one sentence with its figure: the summary's title. */
  headline: string;
  figures: HeadlineFigure[];
  /** What the recommended changes do together; none when no change is recommended. */
  proposal?: string;
  /** The decision asked of the board, and the changes it is asked to approve, in plain words. */
  decision: string;
  changes: string[];
}

/** Text for a board: steps by their names, no ids (`plainWords`). */
export const boardWords = (text: string, analysis: ExactAnalysis) => plainWords(text, analysis.map);

export function executiveSummary(analysis: ExactAnalysis, ranking: Ranking): ExecutiveSummary {
  const { map } = analysis;
  const units = map.process;
  // Read through the registry: of a map with segments, the blend.
  const lead = durationInWords(metric('leadTime').of(analysis)!, units.calendar);
  const leadTarget = analysis.targets.find((t) => t.metric === 'leadTime');
  const headline = `Customers spend ${lead} on average from the trigger to the end${leadTarget && !leadTarget.met ? `, against a target of ${durationInWords(leadTarget.target, units.calendar)}` : ''}; ${wholePercent(metric('waitShare').of(analysis)!)} of it is waiting`;

  const figures = HEADLINE_METRICS.flatMap((id): HeadlineFigure[] => {
    const m = metric(id);
    const value = m.of(analysis);
    if (value === undefined) return [];
    // The time to the goal says something apart from the lead time only where some customers end elsewhere.
    if (id === 'goalTime' && analysis.time.goal.reached > 1 - 1e-9) return [];
    const target = analysis.targets.find((t) => t.metric === id);
    // The best benchmark: the one that does best on this metric.
    const best = analysis.benchmarks
      .filter((b) => b.metric === id)
      .sort((a, b) => (m.better === 'lower' ? a.value - b.value : b.value - a.value))[0];
    return [
      {
        metric: id,
        label: m.label,
        value,
        now: show(m.unit, value, units),
        target: target ? show(m.unit, target.target, units) : '',
        status: !target ? '' : targetCell(target.met, segmentsMissing(analysis, target.metric)),
        benchmark: best ? `${show(m.unit, best.value, units)} (${best.name})` : '',
      },
    ];
  });

  const recommended = ranking.ranked.filter(isRecommended);
  const alone = recommended.length === 1 ? recommended[0] : undefined;
  const lt = (x: number) => formatDuration(x, units.calendar);
  const aloneEffects = alone && savingWords(analysis).otherEffects(alone);
  const proposal =
    togetherSentence(analysis, ranking, { forBoard: true }) ??
    (alone
      ? `The one recommended change ${leadTimeMove(lt(alone.before.leadTime), between(lt(alone.low.after.leadTime), lt(alone.high.after.leadTime)), true)}${aloneEffects ? `; ${aloneEffects}` : ''}.`
      : undefined);
  const needing = ranking.ranked.filter((r) => r.needs.length > 0);
  const others = [...new Set(needing.flatMap((r) => r.needs))];
  const decision =
    recommended.length === 0
      ? 'No change is recommended yet: the decision asked is to confirm the figures the map rests on.'
      : `Approve the ${recommended.length === 1 ? 'recommended change' : `${recommended.length} recommended changes`} and name an owner for each${others.length ? `; open talks with ${others.join(', ')} on the changes that need their agreement` : ''}.`;
  return {
    headline,
    figures,
    proposal: proposal === undefined ? undefined : boardWords(proposal, analysis),
    decision,
    changes: recommended.map((r) => boardWords(r.opportunity.title, analysis)),
  };
}

/**
 * A target met or missed, in a table's words: met by the blend of a map's segments while one of them misses it is not
 * "met" to a board (the segment is named).
 */
export const targetCell = (met: boolean, missedBy: readonly string[]): Cell =>
  !met
    ? { text: 'missed', tone: 'bad' }
    : missedBy.length > 0
      ? { text: `met on average, missed for ${wordList(missedBy)}`, tone: 'bad' }
      : { text: 'met', tone: 'good' };

/** The summary as the report's opening blocks. */
export function summaryBlocks(summary: ExecutiveSummary): TextBlock[] {
  return [
    { kind: 'heading', level: 2, text: 'Executive summary' },
    { kind: 'paragraph', text: `${summary.headline}.` },
    {
      kind: 'table',
      head: ['Figure', 'Now', 'Target', '', 'Best benchmark'],
      right: [1, 2],
      rows: summary.figures.map((f) => [f.label, f.now, f.target, f.status, f.benchmark]),
    },
    ...(summary.proposal ? [{ kind: 'paragraph' as const, text: summary.proposal }] : []),
    { kind: 'paragraph', text: `Decision asked: ${summary.decision}` },
    ...(summary.changes.length > 0 ? [{ kind: 'list' as const, items: summary.changes }] : []),
  ];
}
