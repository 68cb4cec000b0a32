/**
 * cut-wait: the queues that hold most of the customer's lead time, each cut by the lever's size (a share of the
 * wait, 25-50% unless the team says). Only a queue (work waiting for capacity) is cut by working faster or adding
 * capacity: a scheduled cycle (off-cycle's lever), a transport and the customer's own time are not, so the rule
 * leaves them alone.
 *
 * Capacity is not free. With Little's law (the cases waiting = the rate they arrive at × the wait), cutting a
 * queue's wait by a share, at the same throughput, is clearing that share of its backlog once: that many cases ×
 * the step's work × its actor's hourly cost, a one-off cost beside the yearly saving. The cases waiting are the
 * map's own `{ queue, rate }`, or else the yearly volume × the step's visits × the wait over a year of the map's
 * calendar (365 days are 365 / 7 of its weeks). Where the map gives neither, or no cost for the actor, or no work
 * for the step, the cost is not given. docs/rules/cut-wait.md works an example.
 */
import { formatDuration, mean } from '../core/index.js';
import type { ExactAnalysis } from '../analysis/index.js';
import type { ProcessMap, Step } from '../load/index.js';
import type { Rule } from './types.js';
import { isQueue } from './feasible.js';

/** A wait holding at least this share of the lead time is worth a lever. */
const SHARE = 0.1;

/** The steps whose wait is of a kind and holds at least `SHARE` of the lead time, each with its share. */
export function longWaits({ map, time }: ExactAnalysis, kind: (s: Step) => boolean): { s: Step; share: number }[] {
  return map.steps
    .map((s) => ({ s, share: time.leadTime > 0 ? (time.critical[s.index]! * mean(s.wait)) / time.leadTime : 0 }))
    .filter(({ s, share }) => share >= SHARE && kind(s));
}

/**
 * The change of a lever on a wait: the step's wait brought to `to` (seconds), and a segment's own wait there (a map
 * with segments) cut in the same proportion: the queue is cut for every customer in it.
 */
export const waitTo = (s: Step) => (copy: ProcessMap, to: number) => {
  const step = copy.steps[s.index]!;
  const now = mean(step.wait);
  const ratio = now > 0 ? to / now : 1;
  step.wait = { kind: 'fixed', value: to };
  for (const own of Object.values(step.for ?? {}))
    if (own.wait) own.wait = { kind: 'fixed', value: mean(own.wait) * ratio };
  return copy;
};

/** The cases waiting in a step's queue (Little's law), where the map lets it be computed. */
function casesWaiting(map: ProcessMap, s: Step, visits: number): number | undefined {
  if (s.wait.kind === 'queue') return s.wait.queue;
  const { volume, calendar } = map.process;
  return volume === undefined ? undefined : (volume * visits * mean(s.wait)) / ((365 / 7) * calendar.week);
}

export const cutWait: Rule = {
  id: 'cut-wait',
  kind: 'opportunity',
  effort: 3,
  size: { of: 'the wait', cut: [0.25, 0.5] },
  lever: (n) => `Cut the ${n} longest waits`,
  description:
    'Queues (waits for capacity) that hold at least 10% of the lead time: what cutting each of them would give, and what clearing that part of its backlog costs once where the map gives the figures. Scheduled cycles, transport and the customer’s own time are left alone.',
  find(analysis) {
    const { map, time } = analysis;
    return longWaits(analysis, isQueue).map(({ s, share }) => {
      const now = mean(s.wait);
      const wait = formatDuration(now, map.process.calendar);
      const cases = casesWaiting(map, s, time.visits[s.index]!);
      const hourly = s.actor.hourlyCost;
      const work = mean(s.work) / 3600;
      return {
        rule: 'cut-wait',
        title: `Cut the wait before \`${s.id}\` (${wait} now)`,
        why: `the customer waits ${wait} before \`${s.id}\` (${s.name}): ${(100 * share).toFixed(0)}% of the lead time; it is a queue${s.actor.kind === 'customer' ? '' : ` for ${s.actor.name}'s capacity`}${s.waitKind ? '' : ' (the map gives no other kind of wait)'}, which working faster or adding capacity cuts`,
        steps: [s.id],
        sized: {
          what: `the wait before \`${s.id}\` (${wait})`,
          now,
          unit: 'duration',
          change: waitTo(s),
          oneOff: (to: number) =>
            cases === undefined || hourly === undefined || work === 0
              ? undefined
              : ((now - to) / now) * cases * work * hourly,
        },
      };
    });
  },
};
