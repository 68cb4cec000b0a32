/**
 * Changes' savings in words, in the map's units: each a range from the low to the high end of the sizes its levers
 * assume, the yearly savings a board weighs (the company's own cost first, other organisations' apart), and what the
 * recommended changes do together. The report's opportunities and the executive summary both say them so.
 */
import { formatDuration } from '../core/index.js';
import { gain, inSentence, metric, show, showChange, type ExactAnalysis } from '../analysis/index.js';
import {
  after,
  between,
  isRecommended,
  targetNames,
  WHATIF_METRICS,
  type Evaluated,
  type Figures,
  type Outcome,
  type Ranking,
} from '../rules/index.js';
import { cellText, type Cell } from './document.js';

/** Below this a saving is rounding noise, not a saving. */
const NOISE = 1e-9;

/** The yearly savings a board weighs, in the words of the tables: the company's own cost first, other organisations' apart. */
export const YEARLY_SAVINGS = [
  ['ownCost', 'cost', 'yearlyCost'],
  ['partnerCost', "partners' cost", 'yearlyPartnerCost'],
  ['staffHours', 'staff hours', 'yearlyStaffHours'],
  ['customerDays', 'customer days', 'yearlyCustomerDays'],
] as const;

/** The words of changes' savings in the map's units, each a range from the low to the high end of their sizes. */
export function savingWords(analysis: ExactAnalysis) {
  const units = analysis.map.process;
  // Every saving is a range: the change made at the low and at the high end of its levers' assumed sizes.
  const ends = (e: Evaluated) => [e.low, e, e.high] as const;
  const savingCell = (key: keyof Figures, e: Evaluated): Cell => {
    const [low, mid, high] = ends(e).map((o) => o.saving[key]);
    if ([low, mid, high].every((x) => Math.abs(x!) <= NOISE)) return '';
    // A saving is better for the customer when positive; shown as the change it makes (−2.0 d, +5.0 pts).
    const m = metric(key);
    const change = (x: number) => showChange(m.unit, gain(m, 0, x), units);
    return { text: between(change(low!), change(high!)), tone: mid! > 0 ? 'good' : 'bad' };
  };
  const effects = (e: Evaluated, ids: readonly (keyof Figures)[]) =>
    ids
      .map((id) => [id, savingCell(id, e)] as const)
      .filter(([, cell]) => cell !== '')
      .map(([id, cell]) => `${inSentence(metric(id))} ${cellText(cell)}`)
      .join(', ');
  const otherEffects = (e: Evaluated) =>
    effects(
      e,
      WHATIF_METRICS.filter((id) => id !== 'leadTime'),
    );
  // The yearly savings, when the map gives its volume: what a board weighs a change by.
  const yearly = analysis.business.yearly !== undefined;
  // Under "saved a year", a saving is an amount ("cost EUR 8,686 to 15,200"), never a minus that reads as a
  // double negative; a change that adds to a figure says so with its sign ("staff hours +12 to +20").
  const savedAYear = (o: Evaluated) =>
    YEARLY_SAVINGS.filter(([key]) => o.yearly[key] !== null && Math.abs(o.yearly[key]) >= 0.5)
      .map(([key, label, id]) => {
        const { unit } = metric(id);
        const ends = [o.low, o.high].map((e) => e.yearly[key]!);
        const [low, high] = ends.every((x) => x >= 0)
          ? ends.map((x) => show(unit, x, units))
          : ends.map((x) => showChange(unit, -x, units));
        return `${label} ${between(low!, high!)}`;
      })
      .join(', ');
  // What a change costs once (cut-wait's capacity), where the map gives what it takes.
  const oneOff = (o: Evaluated) =>
    o.oneOff ? between(show('money', o.oneOff.low, units), show('money', o.oneOff.high, units)) : '';
  // What a change does for one segment or the blend, in one line: every figure it moves, and what it saves a year.
  const savedInShort = (e: Evaluated) =>
    [effects(e, WHATIF_METRICS), yearly && savedAYear(e) && `saved a year: ${savedAYear(e)}`]
      .filter(Boolean)
      .join('; ') || 'nothing';
  /** What a change does for each segment of a map with segments, in the map's order; none without segments. */
  const perSegment = (e: Evaluated) =>
    (analysis.segmented?.segments ?? []).map((s, k) => ({
      name: s.segment.name,
      share: s.segment.share,
      own: forSegment(e, k),
    }));
  return { savingCell, effects, otherEffects, savedAYear, oneOff, yearly, savedInShort, perSegment };
}

/**
 * How changes move the lead time, in words: "take(s) the lead time from 2.4 d to 1.4 to 1.9 d", or, when no end of
 * the range moves it as shown, "leave(s) the lead time at 21.5 d" (a change that only keeps the customer informed).
 */
export const leadTimeMove = (before: string, after: string, one: boolean): string =>
  after === before
    ? `${one ? 'leaves' : 'leave'} the lead time at ${before}`
    : `${one ? 'takes' : 'take'} the lead time from ${before} to ${after}`;

/**
 * What changes save one segment of a map with segments (the `k`th), in the shape of what they save the blend, so
 * that the words of a saving say it the same way.
 */
export function forSegment(e: Evaluated, k: number): Evaluated {
  const own = (o: Outcome): Outcome => ({ ...o, saving: o.segments![k]!.saving, yearly: o.segments![k]!.yearly });
  return { ...e, ...own(e), low: own(e.low), high: own(e.high) };
}

/**
 * What the recommended changes do together, in a sentence (the report's and the executive summary's): the lead time
 * before and after, the other effects, the yearly savings and one-off cost, the targets they meet and those still
 * missed. None when no change is recommended; one recommended change speaks for itself.
 */
export function togetherSentence(
  analysis: ExactAnalysis,
  ranking: Ranking,
  { forBoard = false } = {},
): string | undefined {
  const { together, ranked } = ranking;
  if (!together) return undefined;
  const recommended = ranked.filter(isRecommended);
  const { otherEffects, savedAYear, oneOff, yearly } = savingWords(analysis);
  const lead = (x: number) => formatDuration(x, analysis.map.process.calendar);
  // A target still missed, by how much at the middle of the sizes where the what-if has the figure: a lead time of
  // 15.04 d shows as 15.0 d beside a 15.0 d target, so the gap is said.
  const missed = analysis.targets
    .filter((t) => !t.met && !together.meets.includes(t.metric))
    .map((t) => {
      const m = metric(t.metric);
      const now: number | undefined = (together.after as Partial<Record<string, number>>)[t.metric];
      const gap = now === undefined ? 0 : m.better === 'lower' ? now - t.target : t.target - now;
      return `${targetNames([t.metric])}${gap > 0 ? `, by ${showChange(m.unit, gap, analysis.map.process).slice(1)}` : ''}`;
    });
  // The team is told how to make them; a board, what they are.
  const made = forBoard
    ? 'Made together, at the middle of each assumed size'
    : 'Made together (`cxmap improve --apply recommended`, at the middle of each size)';
  return `${made}, the ${recommended.length} recommended changes${recommended.length < ranked.length ? ' (all but the thankless tasks and the changes another organisation must agree to)' : ''} ${leadTimeMove(
    lead(together.before.leadTime),
    after(together, (o) => o.after.leadTime, lead),
    false,
  )}${otherEffects(together) ? `; ${otherEffects(together)}` : ''}${yearly && savedAYear(together) ? `; saved a year: ${savedAYear(together)}` : ''}${oneOff(together) ? `; a one-off cost of ${oneOff(together)}` : ''}.${together.meets.length ? ` They meet ${targetNames(together.meets)}.` : ''}${missed.length ? ` Still missed: ${missed.join('; ')}.` : ''}`;
}
