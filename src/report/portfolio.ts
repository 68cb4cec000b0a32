/**
 * The portfolio report (docs/portfolio.md): the journeys of a lifecycle ranked by the customer days they take a year,
 * then their cost a year and their dark time, each with the figures `cxmap score --format json` gives it; the
 * lifecycle strip; every journey's opportunities on one value/effort matrix; the opportunities that act on the same
 * team or channel in several journeys grouped as programmes; and each team's load across journeys. Built once as a
 * model, then as blocks (Markdown, HTML) and as JSON.
 */
import { DEFAULT_CALENDAR } from '../core/index.js';
import { channelOf, feelingWord, partyOf, type Party, type ProcessMap } from '../load/index.js';
import {
  metric,
  segmentsMissing,
  show,
  stripJourney,
  teamLoads,
  type Analysis,
  type StripJourney,
  type TargetMetric,
  type TeamLoad,
} from '../analysis/index.js';
import {
  isRecommended,
  plainWords,
  whatIf,
  WHATIF_METRICS,
  type Evaluated,
  type Ranked,
  type Ranking,
} from '../rules/index.js';
import { savingWords } from './savings.js';
import type { Diagram, Drawn, StripInput } from '../render/index.js';
import { cellText, type Block, type Cell, type TableBlock } from './document.js';
import { targetCell } from './summary.js';
import { scoreJson } from './score-json.js';

/** A journey of the portfolio as the workflow scores it: as `cxmap score` and `cxmap report` do. */
export interface ScoredJourney {
  file: string;
  analysis: Analysis;
  ranking: Ranking;
}

type ScoreJson = ReturnType<typeof scoreJson>;

/** Who a team is to the company, in the report's words. */
const PARTY_WORDS: Record<Party, string> = {
  customer: 'customer',
  staff: 'team',
  system: 'system',
  partner: 'partner',
};
type Yearly = Record<string, number | null>;

/** A journey in the ranking: rank 1 takes the most customer days a year; null without a volume. */
export interface RankedJourney {
  file: string;
  name: string;
  /** Its cases a year (`process.volume`); null when the map does not say. */
  volume: number | null;
  /** Of a map with segments, the segments that miss each of its targets (by name), whatever the blend does. */
  missedBy: Partial<Record<TargetMetric, string[]>>;
  rank: number | null;
  score: ScoreJson;
}

/** An opportunity of one journey on the portfolio's matrix: its title in words, naming the journey. */
export interface PortfolioOpportunity {
  journey: number;
  ranked: Ranked;
  /** What it changes for a case of its journey, in words: every figure it moves, as its journey's report says it. */
  changes: string;
  /** The team (actor ids, the customer's left out) and channels of the steps it changes. */
  actors: string[];
  channels: string[];
}

/** The opportunities of several journeys that act on the same team or channel. */
export interface Programme {
  /** The team (by its actor, with who it is to the company: `staff`, `system`, `partner`) or the channel. */
  on: { kind: 'actor'; id: string; name: string; party: Party } | { kind: 'channel'; id: string; name: string };
  /** Their indexes in the portfolio's opportunities (best first). */
  members: number[];
  journeys: number[];
  /** Customer days and cost they save a year together (at the middle of their sizes); null when none says. */
  customerDays: number | null;
  cost: number | null;
}

export interface PortfolioModel {
  name: string;
  file: string;
  /** In lifecycle order. */
  journeys: RankedJourney[];
  /** Indexes into `journeys`, best rank first; journeys without a volume last, in lifecycle order. */
  order: number[];
  lifecycle: StripJourney[];
  opportunities: PortfolioOpportunity[];
  /** All journeys' proposed changes as one ranking, best first, titles naming their journey: what the matrix draws. */
  matrix: Ranking;
  programmes: Programme[];
  teams: TeamLoad[];
  /** The currency of every amount, when the journeys share one; null when they name none or differ. */
  currency: string | null;
  /** Whether the journeys name different currencies: then no cost is summed across them. */
  mixedCurrencies: boolean;
}

const parts = (j: ScoredJourney) =>
  j.analysis.segmented ? j.analysis.segmented.segments.map((s) => s.analysis) : [j.analysis];
/** A journey's customer days and cost a year, as `cxmap score --format json` gives them; none without a volume. */
export const yearlyOf = (s: ScoreJson) => s.metrics.yearly as Yearly | undefined;
const darkOf = (s: ScoreJson) => s.metrics.darkTimeSeconds as number | null | undefined;
/** Descending, a figure that is missing after every figure. */
const desc = (a: number | null | undefined, b: number | null | undefined) =>
  a == null ? (b == null ? 0 : 1) : b == null ? -1 : b - a;

/** What an opportunity acts on: the actors (but the customer) and the channels of the steps it changes. */
function actsOn(ranked: Ranked, map: ProcessMap) {
  const steps = map.steps.filter((s) => ranked.opportunity.steps.includes(s.id));
  const actors = [...new Set(steps.filter((s) => s.actor.kind !== 'customer').map((s) => s.actor.id))].sort();
  const channels = [
    ...new Set(steps.flatMap((s) => (s.channel === undefined ? [] : [channelOf(s.channel, map.channels).id]))),
  ].sort();
  return { actors, channels };
}

export function portfolioModel(name: string, file: string, scored: readonly ScoredJourney[]): PortfolioModel {
  const journeys = scored.map((j) => ({
    file: j.file,
    name: j.analysis.map.process.name,
    volume: j.analysis.map.process.volume ?? null,
    missedBy: Object.fromEntries(j.analysis.targets.map((t) => [t.metric, segmentsMissing(j.analysis, t.metric)])),
    score: scoreJson(j.analysis, j.file, j.analysis.segmented),
  }));
  const withVolume = journeys.map((_, i) => i).filter((i) => yearlyOf(journeys[i]!.score)?.customerDays != null);
  const ranked = [...withVolume].sort((a, b) => {
    const [x, y] = [journeys[a]!.score, journeys[b]!.score];
    return (
      desc(yearlyOf(x)!.customerDays, yearlyOf(y)!.customerDays) ||
      desc(yearlyOf(x)!.cost, yearlyOf(y)!.cost) ||
      desc(darkOf(x), darkOf(y)) ||
      a - b
    );
  });
  const order = [...ranked, ...journeys.map((_, i) => i).filter((i) => !withVolume.includes(i))];
  const opportunities = scored
    .flatMap((j, journey) =>
      j.ranking.ranked.map((r) => ({
        journey,
        changes: savingWords(j.analysis).effects(r, WHATIF_METRICS) || 'nothing the figures show',
        ranked: {
          ...r,
          opportunity: {
            ...r.opportunity,
            title: `${j.analysis.map.process.name}: ${plainWords(r.opportunity.title, j.analysis.map)}`,
          },
        },
        ...actsOn(r, j.analysis.map),
      })),
    )
    .sort((a, b) => b.ranked.priority - a.ranked.priority || a.journey - b.journey);
  const currencies = new Set(scored.map((j) => j.analysis.map.process.currency ?? null));
  const mixedCurrencies = currencies.size > 1;
  const programmes = programmesOf(opportunities, scored, mixedCurrencies);
  return {
    name,
    file,
    journeys: journeys.map((j, i) => ({ ...j, rank: ranked.includes(i) ? ranked.indexOf(i) + 1 : null })),
    order,
    lifecycle: scored.map((j) => stripJourney(parts(j))),
    opportunities,
    matrix: {
      ranked: opportunities.map((o) => o.ranked),
      alternatives: [],
      noGain: [],
      unused: [],
      unusedLevers: [],
    },
    programmes,
    teams: teamLoads(scored.map(parts)).map((t) => (mixedCurrencies ? { ...t, cost: undefined } : t)),
    currency: mixedCurrencies ? null : [...currencies][0]!,
    mixedCurrencies,
  };
}

/**
 * The programmes: for each team (actor, the customer's left out) and each channel, the recommended opportunities
 * that act on it, when they come from two journeys or more; the most customer days saved first. What a programme saves is what its
 * changes save made together: in each journey, its changes of that journey made on one copy of the map (the savings
 * of changes to the same journey overlap, so they are never added), then the journeys added up (their customers are
 * not the same cases).
 */
function programmesOf(
  opportunities: readonly PortfolioOpportunity[],
  scored: readonly ScoredJourney[],
  mixedCurrencies: boolean,
): Programme[] {
  const groups = new Map<string, Programme>();
  opportunities.forEach((o, index) => {
    // A programme is put to the board: only changes the company can make alone at a worthwhile effort.
    if (!isRecommended(o.ranked)) return;
    const map = scored[o.journey]!.analysis.map;
    const keys = [
      ...o.actors.map((id) => {
        const actor = map.actors.find((a) => a.id === id)!;
        return { kind: 'actor' as const, id, name: actor.name, party: partyOf(actor) };
      }),
      ...o.channels.map((id) => ({ kind: 'channel' as const, id, name: id })),
    ];
    for (const on of keys) {
      const key = `${on.kind}:${on.id}`;
      const group = groups.get(key) ?? { on, members: [], journeys: [], customerDays: null, cost: null };
      groups.set(key, group);
      group.members.push(index);
      if (!group.journeys.includes(o.journey)) group.journeys.push(o.journey);
    }
  });
  const add = (x: number | null, y: number | null) => (y === null ? x : (x ?? 0) + y);
  const together = (g: Programme): Programme => {
    const journeys = [...g.journeys].sort((a, b) => a - b);
    let { customerDays, cost } = g;
    for (const j of journeys) {
      const own = g.members.filter((m) => opportunities[m]!.journey === j).map((m) => opportunities[m]!.ranked);
      const made: Evaluated =
        own.length === 1
          ? own[0]!
          : whatIf(
              scored[j]!.analysis,
              own.map((r) => r.opportunity),
            );
      customerDays = add(customerDays, made.yearly.customerDays);
      if (!mixedCurrencies) cost = add(cost, made.yearly.cost);
    }
    return { ...g, journeys, customerDays, cost };
  };
  return [...groups.values()]
    .filter((g) => g.journeys.length >= 2)
    .map(together)
    .sort(
      (a, b) =>
        desc(a.customerDays, b.customerDays) ||
        desc(a.cost, b.cost) ||
        (a.on.name < b.on.name ? -1 : a.on.name > b.on.name ? 1 : 0),
    );
}

/** The JSON of a portfolio: each journey's `metrics` and `yearly` exactly as `cxmap score --format json` gives them. */
export function portfolioJson(model: PortfolioModel) {
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return {
    portfolio: model.name,
    file: model.file,
    currency: model.currency,
    journeys: model.journeys.map((j) => ({
      file: j.file,
      name: j.name,
      rank: j.rank,
      metrics: j.score.metrics,
      yearly: yearlyOf(j.score) ?? null,
      targets: j.score.targets,
    })),
    lifecycle: model.lifecycle.map((l, i) => ({
      file: model.journeys[i]!.file,
      ...l,
      stages: l.stages.map((s) => ({ stage: s.stage, feeling: s.feeling ?? null, at: s.at ?? null })),
      handsOnTo: i + 1 < model.journeys.length ? model.journeys[i + 1]!.file : null,
    })),
    opportunities: model.opportunities.map((o, k) => ({
      rank: k + 1,
      file: model.journeys[o.journey]!.file,
      id: o.ranked.opportunity.id,
      title: o.ranked.opportunity.title,
      changes: o.changes,
      value: r3(o.ranked.value),
      effort: o.ranked.effort,
      quadrant: o.ranked.quadrant,
      actors: o.actors,
      channels: o.channels,
      yearly: { customerDays: nullable(o.ranked.yearly.customerDays), cost: nullable(o.ranked.yearly.cost) },
    })),
    programmes: model.programmes.map((p) => ({
      ...p.on,
      opportunities: p.members.map((k) => k + 1),
      journeys: p.journeys.map((i) => model.journeys[i]!.file),
      yearly: { customerDays: nullable(p.customerDays), cost: nullable(p.cost) },
    })),
    teams: model.teams.map((t) => ({
      actor: t.actor,
      name: t.name,
      party: t.party,
      hours: r3(t.hours),
      cost: t.cost === undefined ? null : r3(t.cost),
      journeys: t.journeys.map((j) => ({ file: model.journeys[j.journey]!.file, hours: r3(j.hours) })),
    })),
  };
}

const nullable = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** The portfolio's figures in words: amounts, money in its currency, a journey's durations in its calendar. */
export function portfolioWords(model: PortfolioModel) {
  const units = { calendar: DEFAULT_CALENDAR, ...(model.currency === null ? {} : { currency: model.currency }) };
  return {
    money: (x: number | null | undefined): Cell => (x == null ? '' : show('money', x, units)),
    amount: (x: number | null | undefined): Cell => (x == null ? '' : show('amount', x)),
    duration: (x: number | null | undefined, j: RankedJourney): Cell =>
      x == null
        ? ''
        : show('duration', x, { calendar: { day: j.score.calendar.daySeconds, week: j.score.calendar.weekSeconds } }),
    journeyName: (i: number) => model.journeys[i]!.name,
  };
}

/** The journeys ranked: the report's table and the deck's. */
export function rankingTable(model: PortfolioModel): TableBlock {
  const { amount, money, duration } = portfolioWords(model);
  return {
    kind: 'table',
    // Cases a year beside the figures a case: the journeys of a lifecycle do not serve the same number of customers.
    head: [
      'Rank',
      'Journey',
      'Cases a year',
      'Customer days a year',
      'Cost a year',
      'Dark time',
      'Lead time',
      'Targets',
    ],
    right: [0, 2, 3, 4, 5, 6],
    rows: model.order.map((i) => {
      const j = model.journeys[i]!;
      const y = yearlyOf(j.score);
      const targets = j.score.targets as { metric: TargetMetric; met: boolean }[];
      return [
        j.rank === null ? 'not ranked' : String(j.rank),
        j.name,
        amount(j.volume),
        amount(y?.customerDays),
        money(y?.cost),
        duration(darkOf(j.score), j),
        duration(j.score.metrics.leadTimeSeconds as number, j),
        targets.length === 0
          ? 'none set'
          : {
              text: targets
                .map((t) => `${metric(t.metric).label} ${cellText(targetCell(t.met, j.missedBy[t.metric] ?? []))}`)
                .join('; '),
              tone: targets.every((t) => t.met && !j.missedBy[t.metric]?.length) ? 'good' : 'bad',
            },
      ];
    }),
  };
}

/** Every change across the journeys, best first, each by its number on the matrix: the report's table and the deck's. */
export function opportunitiesTable(model: PortfolioModel): TableBlock {
  const { amount, money, journeyName } = portfolioWords(model);
  return {
    kind: 'table',
    head: [
      '#',
      'Change',
      'Journey',
      'What it changes for a case',
      'Quadrant',
      'Value',
      'Effort',
      'Customer days saved a year',
      'Cost saved a year',
    ],
    right: [0, 5, 6, 7, 8],
    rows: model.opportunities.map((o, k): Cell[] => [
      String(k + 1),
      o.ranked.opportunity.title.slice(journeyName(o.journey).length + 2),
      journeyName(o.journey),
      o.changes,
      o.ranked.quadrant,
      o.ranked.value.toFixed(1),
      String(o.ranked.effort),
      amount(o.ranked.yearly.customerDays),
      model.mixedCurrencies ? '' : money(o.ranked.yearly.cost),
    ]),
  };
}

/** The programmes as a table, the changes by their number on the matrix; none when there is no programme. */
export function programmesTable(model: PortfolioModel): TableBlock | undefined {
  const { amount, money, journeyName } = portfolioWords(model);
  if (model.programmes.length === 0) return undefined;
  return {
    kind: 'table',
    head: ['Acts on', 'Journeys', 'Changes (#)', 'Customer days saved a year', 'Cost saved a year'],
    right: [3, 4],
    rows: model.programmes.map((p): Cell[] => [
      `${p.on.name} (${p.on.kind === 'actor' ? PARTY_WORDS[p.on.party] : 'channel'})`,
      p.journeys.map(journeyName).join(', '),
      p.members.map((k) => k + 1).join(', '),
      amount(p.customerDays),
      money(p.cost),
    ]),
  };
}

/** Each team's load a year across the journeys as a table; none when no team works in a journey with a volume. */
export function teamsTable(model: PortfolioModel): TableBlock | undefined {
  const { amount, money, journeyName } = portfolioWords(model);
  if (model.teams.length === 0) return undefined;
  return {
    kind: 'table',
    head: ['Team', 'Who', 'Hours a year', 'Cost a year', 'By journey (hours a year)'],
    right: [2, 3],
    rows: model.teams.map((t): Cell[] => [
      t.name,
      PARTY_WORDS[t.party],
      amount(Math.round(t.hours)),
      money(t.cost),
      // Whole hours: a team's load a year is planned in hours, not in hundredths of one (117.90).
      t.journeys.map((j) => `${journeyName(j.journey)} ${show('amount', Math.round(j.hours))}`).join(', '),
    ]),
  };
}

/** The journeys of the lifecycle strip, in lifecycle order, by name: what its drawing takes. */
export const stripOf = (model: PortfolioModel): StripInput[] =>
  model.lifecycle.map((strip, i) => ({ name: model.journeys[i]!.name, strip }));

/**
 * The portfolio report as blocks, with the matrix as Mermaid text (Markdown) or drawn by cxmap (HTML); the lifecycle
 * strip drawn (HTML) above its table.
 */
export function portfolioBlocks<P extends Diagram | Drawn>(
  model: PortfolioModel,
  matrix: P,
  strip: readonly P[] = [],
): Block<P>[] {
  const { journeyName } = portfolioWords(model);
  const unranked = model.journeys.filter((j) => j.rank === null);
  const blocks: Block<P>[] = [
    { kind: 'heading', level: 1, text: model.name },
    {
      kind: 'paragraph',
      text: `${model.journeys.length} journeys in lifecycle order: ${model.journeys.map((j) => j.name).join(' → ')}.${model.mixedCurrencies ? ' The journeys give their amounts in different currencies, so no cost is added up across them.' : ''}`,
    },
    { kind: 'heading', level: 2, text: 'Journeys ranked by customer days a year' },
    {
      kind: 'paragraph',
      text: 'Ranked by the days customers spend in each journey a year (lead time × cases a year), then by its cost a year, then by its dark time; the figures are those of `cxmap score` (a map with segments: the blend).',
    },
    rankingTable(model),
    ...(unranked.length === 0
      ? []
      : [
          {
            kind: 'paragraph' as const,
            text: `Not ranked, as their maps give no volume (cases a year, \`process.volume\`): ${unranked.map((j) => j.name).join(', ')}.`,
          },
        ]),
    { kind: 'heading', level: 2, text: 'The lifecycle' },
    {
      kind: 'paragraph',
      text: "Each journey's stages in order, with the worst feeling the customer records in each (-2 very bad to 2 very good), and where one journey hands the customer on to the next.",
    },
    ...strip.map((diagram) => ({ kind: 'diagram' as const, diagram })),
    {
      kind: 'table',
      head: ['Journey', 'Stage', 'Worst feeling', 'At'],
      rows: model.lifecycle.flatMap((l, i): Cell[][] => [
        ...l.stages.map((s, k): Cell[] => [
          k === 0 ? journeyName(i) : '',
          s.stage,
          s.feeling === undefined
            ? 'not recorded'
            : {
                text: `${s.feeling} (${feelingWord(s.feeling)})`,
                ...(s.feeling < 0 ? { tone: 'bad' as const } : s.feeling > 0 ? { tone: 'good' as const } : {}),
              },
          s.at ?? '',
        ]),
        ...(i + 1 < model.lifecycle.length
          ? [
              [
                '',
                `→ on to ${journeyName(i + 1)}`,
                '',
                `from ${l.ends.join(' or ')} to ${model.lifecycle[i + 1]!.starts}`,
              ],
            ]
          : []),
      ]),
    },
    { kind: 'heading', level: 2, text: 'Opportunities across journeys' },
    ...(model.opportunities.length === 0
      ? [{ kind: 'paragraph' as const, text: 'No journey has a change to propose.' }]
      : [{ kind: 'diagram' as const, diagram: matrix }, opportunitiesTable(model)]),
    { kind: 'heading', level: 2, text: 'Programmes: one change across journeys' },
    {
      kind: 'paragraph',
      text: "A change acts on the teams (actors other than the customer) and channels of the steps it changes; the recommended changes of two journeys or more that act on the same team or channel make one programme. A programme saves what its changes save made together in each journey. A change may act on several teams and channels, so it may be in several programmes: the programmes' savings do not add up.",
    },
    programmesTable(model) ?? { kind: 'paragraph', text: 'No team or channel has changes in more than one journey.' },
    { kind: 'heading', level: 2, text: 'Load of each team a year' },
    {
      kind: 'paragraph',
      text: `Hours of work a year per team across the journeys (expected visits × work × cases a year over its steps), and their cost at its hourly cost.${unranked.length === 0 ? '' : ` Journeys without a volume are not counted: ${unranked.map((j) => j.name).join(', ')}.`}`,
    },
    teamsTable(model) ?? { kind: 'paragraph', text: 'No team works in a journey that gives its volume.' },
  ];
  return blocks;
}
