/**
 * The size of a lever is an assumption (method.md, "Levers have a size"): how much a change takes away of the figure
 * it brings down (a wait cut by 25-50%, a rework loop by half to all of it). Each rule whose change has a size gives
 * a conservative range by default (its meta); the team replaces it under `levers:` in the map or the configuration,
 * by place (`cut-wait:triage`) or by rule. Every saving is computed at the low and high ends of the range and at its
 * middle, which the ranking uses and `cxmap improve` makes; the words here name the assumption beside the saving.
 */
import { wordList } from '../core/index.js';
import type { LeverSetting, ProcessMap } from '../load/index.js';
import { shareRange } from './meta.js';
import type { Rule, Size, Sized } from './types.js';
import type { Evaluated, Outcome } from './whatif.js';

/** The three sizes every saving is computed at: the low and high ends of a lever's range, and its middle. */
export type Level = 'low' | 'mid' | 'high';

/** Lever sizes by place id (`cut-wait:triage`) or rule id (`cut-wait`), as the configuration gives them. */
export type Levers = Readonly<Record<string, LeverSetting>>;

/**
 * A place's size: the map's setting for the place, then for its rule, then the configuration's, then the rule's
 * default; and the figure it brings the place's figure to at each level. A figure brought "to" more than it is now
 * stays as it is.
 */
export function sizeOf(rule: Rule, place: string, sized: Sized, map: ProcessMap, config: Levers): Size {
  if (rule.size === 'none') throw new Error(`${rule.id} has no size, yet sizes its change at ${place}`);
  const given: [LeverSetting | undefined, Size['from']][] = [
    [map.levers[place], 'map'],
    [map.levers[rule.id], 'map'],
    [config[place], 'configuration'],
    [config[rule.id], 'configuration'],
  ];
  const [setting, from] = (given.find(([x]) => x !== undefined) ?? [{ cut: rule.size.cut }, 'rule']) as [
    LeverSetting,
    Size['from'],
  ];
  const { now, oneOff } = sized;
  const [low, high] =
    'cut' in setting
      ? [now * (1 - setting.cut[0]), now * (1 - setting.cut[1])]
      : [Math.min(now, setting.to[1]), Math.min(now, setting.to[0])];
  const to = { low, mid: (low + high) / 2, high };
  const costs = oneOff && [oneOff(low), oneOff(to.mid), oneOff(high)];
  return {
    place,
    of: rule.size.of,
    what: sized.what,
    unit: sized.unit,
    now,
    setting,
    from,
    to,
    ...(costs && {
      oneOff: costs.every((c) => c !== undefined) ? { low: costs[0]!, mid: costs[1]!, high: costs[2]! } : null,
    }),
  };
}

/** Where a size comes from, for the team that sets it (`for: 'team'`) and for a board (`for: 'board'`). */
const SOURCE: Record<'team' | 'board', Record<Size['from'], string>> = {
  team: {
    rule: 'assumed; set `levers:` in the map',
    map: "the map's `levers:`",
    configuration: "the configuration's `levers:`",
  },
  board: { rule: 'our assumption', map: "the team's estimate", configuration: "the team's estimate" },
};
export type Audience = keyof typeof SOURCE;

/** Items in a sentence: "a, b and c", or the first three "and 2 more". */
export const listed = (items: readonly string[]) =>
  items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : wordList(items);

/**
 * Sizes in words, those of the same setting together: "the waits before ... cut by 25-50% (assumed; ...)"; without
 * naming the places (`named` false) where they all have the same setting, beside a title that names them: "the wait
 * cut by 25-50% (assumed; ...)".
 */
function inWords(sizes: readonly Size[], how: (s: Size) => string, named = true, audience: Audience = 'team'): string {
  const groups = new Map<string, string[]>();
  for (const s of sizes) {
    const key = `${how(s)} (${SOURCE[audience][s.from]})`;
    groups.set(key, [...(groups.get(key) ?? []), s.what]);
  }
  if (!named && groups.size === 1) return `${sizes[0]!.of} ${[...groups.keys()][0]!}`;
  return [...groups].map(([key, whats]) => `${listed(whats)} ${key}`).join('; ');
}

/**
 * The sizes a saving assumes, to name beside it: "the wait before `triage` (4.0 d) cut by 25-50% (assumed; set
 * `levers:` in the map)"; empty for changes that are made or not. Beside the opportunity's title, which names the
 * places, `named` false leaves them out where they share one setting: "the wait cut by 25-50% (assumed; ...)".
 */
export const assumption = (sizes: readonly Size[], named = true, audience: Audience = 'team'): string =>
  inWords(
    sizes,
    (s) => ('cut' in s.setting ? `cut by ${shareRange(s.setting.cut)}` : `brought to ${shareRange(s.setting.to)}`),
    named,
    audience,
  );

/**
 * The sizes a change is made at (the middle of each range, which is the team's own figure where it gives one), in
 * words: "the wait before `triage` (4.0 d) cut by 37.5%, the middle of 25-50% (assumed; ...)".
 */
export const madeAt = (sizes: readonly Size[]): string =>
  inWords(sizes, (s) => {
    if ('cut' in s.setting) {
      const [low, high] = s.setting.cut;
      const mid = (low + high) / 2;
      return `cut by ${shareRange([mid, mid])}${low === high ? '' : `, the middle of ${shareRange(s.setting.cut)}`}`;
    }
    // Only a share (a way's chance) is brought to a figure.
    const [low, high] = s.setting.to;
    return `brought to ${shareRange([s.to.mid, s.to.mid])}${low === high ? '' : `, the middle of ${shareRange(s.setting.to)}`}`;
  });

/**
 * A range in words, its low end first: "−1.2 to −2.3 d" (a unit both ends share said once), "EUR 8,686 to 15,200"
 * (a currency both unsigned ends share, once), "1 h 10 m to 2 h"; one figure where both ends read the same.
 */
export function between(low: string, high: string): string {
  if (low === high) return low;
  const unit = / ([^\d\s]+)$/.exec(low)?.[1];
  const shared = unit !== undefined && high.endsWith(` ${unit}`) && !/ /.test(low.slice(0, -unit.length - 1));
  // A currency before unsigned amounts: a signed one keeps its own, so that the sign of each end stays plain.
  const currency = /^([^\d\s−+±<]+ ?)\d/u.exec(low)?.[1];
  const to =
    currency !== undefined && /^[^\d\s−+±<]+ ?\d/u.test(high) && high.startsWith(currency)
      ? high.slice(currency.length)
      : high;
  return `${shared ? low.slice(0, -unit.length - 1) : low} to ${to}`;
}

/**
 * A figure after changes, at the middle of their sizes, with its range beside it where they have one: "8 h (9 to
 * 7 h from the low to the high end of the sizes)".
 */
export function after(e: Evaluated, of: (o: Outcome) => number, show: (x: number) => string): string {
  const range = between(show(of(e.low)), show(of(e.high)));
  return `${show(of(e))}${e.sizes.length > 0 && range !== show(of(e)) ? ` (${range} from the low to the high end of the sizes)` : ''}`;
}
