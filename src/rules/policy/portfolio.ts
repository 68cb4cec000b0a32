/**
 * The portfolio's own policies (`cxmap check cxmap.portfolio.yaml`, docs/portfolio.md): limits a team sets on the
 * journeys of a lifecycle taken together, each finding at the journey's entry under `journeys:` or at the
 * portfolio's `name:` in the portfolio file. Each journey's figures are its map's (of a map with segments, the blend).
 */
import { basename } from 'node:path';
import { atMost, formatAmount, formatMoney, parseRatio } from '../../core/index.js';
import { metric, show, type ExactAnalysis } from '../../analysis/index.js';
import type { Path } from '../../load/index.js';
import type { RuleMeta } from '../meta.js';
import type { PolicyFinding } from './types.js';

/** A journey of the portfolio, checked: its entry under `journeys:` (0-based), its file and its analysis. */
export interface PortfolioJourney {
  entry: number;
  file: string;
  analysis: ExactAnalysis;
}

/** What a portfolio policy looks at: the journeys that load, in lifecycle order. */
export interface PortfolioFacts {
  name: string;
  journeys: PortfolioJourney[];
}

export interface PortfolioPolicy extends RuleMeta {
  kind: 'portfolio';
  check(facts: PortfolioFacts, option: unknown, context: { baseline?: PortfolioFacts; ref?: string }): PolicyFinding[];
}

const entry = (j: PortfolioJourney): Path => ['journeys', j.entry];
const named = (j: PortfolioJourney) => `${j.analysis.map.process.name} (${basename(j.file)})`;

/**
 * The portfolio's totals a year: the customer days of the journeys that give a volume, and their cost when every one
 * of them gives one in one currency (null otherwise: amounts in different currencies are not added up).
 */
export function portfolioTotals(facts: PortfolioFacts): {
  customerDays: number;
  cost: number | null;
  currency?: string;
} {
  const counted = facts.journeys.filter((j) => metric('yearlyCustomerDays').of(j.analysis) != null);
  const currencies = new Set(counted.map((j) => j.analysis.map.process.currency));
  const costs = counted.map((j) => metric('yearlyCost').of(j.analysis));
  const sum = (xs: (number | undefined)[]) => xs.reduce<number>((a, x) => a + (x ?? 0), 0);
  return {
    customerDays: sum(counted.map((j) => metric('yearlyCustomerDays').of(j.analysis))),
    cost: currencies.size <= 1 && costs.every((c) => c != null) ? sum(costs) : null,
    currency: currencies.size === 1 ? [...currencies][0] : undefined,
  };
}

const portfolioMaxHandoffs: PortfolioPolicy = {
  id: 'portfolio-max-handoffs',
  kind: 'portfolio',
  description:
    'No journey of the portfolio with more than this many handoffs per customer: one limit for the whole lifecycle, shown at the journey in the portfolio file.',
  option: {
    default: 5,
    schema: { type: 'number', minimum: 0 },
    noun: 'the most handoffs allowed in any journey',
    example: ['error', 3],
  },
  check({ journeys }, option) {
    const limit = option as number;
    return journeys.flatMap((j) => {
      const handoffs = metric('handoffs').of(j.analysis)!;
      if (atMost(handoffs, limit)) return [];
      return [
        {
          message: `the work of ${named(j)} changes hands ${show('count', handoffs) === '1' ? 'once' : `${show('count', handoffs)} times`} per customer, more than the ${show('count', limit)} the portfolio allows`,
          path: entry(j),
        },
      ];
    });
  },
};

/** How much a yearly total may grow: `N%` of the total before, or an amount (days, money). 0 allows nothing. */
type Growth = { customerDays?: number | string; cost?: number | string };

const portfolioNoGrowth: PortfolioPolicy = {
  id: 'portfolio-no-growth',
  kind: 'portfolio',
  description:
    "With `--against <ref>`: the customer days the portfolio's journeys take a year, and with `cost` their cost a year, do not grow against the portfolio and its maps at the ref, beyond a tolerance (N% of the total before, or an amount; 0 allows nothing).",
  recommended: 'error',
  option: {
    default: { customerDays: 0 },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        ['customerDays', 'cost'].map((k) => [
          k,
          {
            anyOf: [
              { type: 'number', minimum: 0 },
              { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?%$' },
            ],
          },
        ]),
      ),
    },
    noun: '{ customerDays: tolerance, cost: tolerance }',
    example: ['error', { customerDays: '2%', cost: '5%' }],
  },
  check(facts, option, { baseline, ref }) {
    if (!baseline) return [];
    const tolerances = option as Growth;
    const [before, after] = [portfolioTotals(baseline), portfolioTotals(facts)];
    const grew = (key: 'customerDays' | 'cost', what: string, fmt: (x: number) => string): PolicyFinding[] => {
      const [b, a, tolerance] = [before[key], after[key], tolerances[key]];
      if (tolerance === undefined || b == null || a == null) return [];
      const relative = typeof tolerance === 'string';
      const allowed = relative ? parseRatio(tolerance) * b : tolerance;
      // Against the totals, not their difference: the same figures added in another order differ by a rounding.
      if (atMost(a, b + allowed)) return [];
      const by = b > 0 ? ` (+${((100 * (a - b)) / b).toFixed(1)}%)` : '';
      const limit = relative ? `${tolerance} allowed` : allowed === 0 ? 'none allowed' : `${fmt(allowed)} allowed`;
      return [
        {
          message: `the ${what} of the journeys of ${facts.name} grew from ${fmt(b)} at ${ref ?? 'the ref'} to ${fmt(a)}: +${fmt(a - b)}${by}; ${limit}`,
          path: ['name'],
        },
      ];
    };
    const money = (x: number) => formatMoney(x, after.currency);
    return [
      ...grew('customerDays', 'customer days a year', formatAmount),
      ...(before.currency === after.currency ? grew('cost', 'cost a year', money) : []),
    ];
  },
};

const portfolioRequireVolume: PortfolioPolicy = {
  id: 'portfolio-require-volume',
  kind: 'portfolio',
  description:
    "Every journey of the portfolio gives its cases a year (`process.volume`): a journey without one is left out of the ranking, the teams' load and the portfolio's totals.",
  recommended: 'warn',
  check({ journeys }) {
    return journeys.flatMap((j) =>
      metric('yearlyCustomerDays').of(j.analysis) != null
        ? []
        : [
            {
              message: `${named(j)} gives no volume (process.volume, cases a year): it is not ranked, and its customer days, cost and team hours count in none of the portfolio's totals`,
              path: entry(j),
            },
          ],
    );
  },
};

const portfolioRequireTargets: PortfolioPolicy = {
  id: 'portfolio-require-targets',
  kind: 'portfolio',
  description:
    'Every journey of the portfolio sets targets of its own (`process.targets`: lead time, PCE, success rate), so that the ranking says which journeys meet them.',
  check({ journeys }) {
    return journeys.flatMap((j) =>
      j.analysis.targets.length > 0
        ? []
        : [
            {
              message: `${named(j)} sets no targets (process.targets: leadTime, pce or successRate): the portfolio cannot say whether it meets them`,
              path: entry(j),
            },
          ],
    );
  },
};

const portfolioOneCurrency: PortfolioPolicy = {
  id: 'portfolio-one-currency',
  kind: 'portfolio',
  description:
    "The journeys of the portfolio name one currency (`process.currency`): in several, or some in none, no cost is added up across them (the cost a year of programmes, of each team and of the portfolio's totals).",
  recommended: 'warn',
  check({ journeys }) {
    const first = journeys.find((j) => j.analysis.map.process.currency !== undefined);
    const currency = first?.analysis.map.process.currency;
    if (currency === undefined) return [];
    return journeys.flatMap((j) => {
      const own = j.analysis.map.process.currency;
      if (own === currency) return [];
      return [
        {
          message: `${named(j)} ${own === undefined ? 'names no currency (process.currency)' : `gives its amounts in ${own}`}, ${named(first!)} in ${currency}: no cost is added up across journeys in different currencies`,
          path: entry(j),
        },
      ];
    });
  },
};

/** The portfolio's policies, in the order of the docs. */
export const PORTFOLIO_POLICIES: readonly PortfolioPolicy[] = [
  portfolioMaxHandoffs,
  portfolioNoGrowth,
  portfolioRequireVolume,
  portfolioRequireTargets,
  portfolioOneCurrency,
];
