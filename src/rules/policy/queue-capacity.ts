/**
 * queue-capacity: a queue the map sizes by Little's law (`wait: { queue, rate }`) serves at least as many cases as
 * reach it. Otherwise its wait cannot hold: the queue grows for as long as the arrivals outrun the rate.
 */
import { formatAmount, formatDuration } from '../../core/index.js';
import type { Policy } from './types.js';

/** A year in weeks (365 days); a week's working time is the map's calendar week. */
const WEEKS_A_YEAR = 365 / 7;

export const queueCapacity: Policy = {
  id: 'queue-capacity',
  kind: 'policy',
  recommended: 'warn',
  description:
    "A queue sized by Little's law (`wait: { queue, rate }`) that more cases reach than it serves: the map's volume times the step's visits, a day, is over its rate, so the queue grows and its wait cannot hold.",
  check({ map, time }) {
    const volume = map.process.volume;
    if (volume === undefined) return [];
    const { day, week } = map.process.calendar;
    // Cases reaching the step per second of the calendar's working time.
    const perSecond = (visits: number) => (volume * visits) / (WEEKS_A_YEAR * week);
    return map.steps.flatMap((s) => {
      if (s.wait.kind !== 'queue') return [];
      const arrive = perSecond(time.visits[s.index]!);
      if (arrive <= s.wait.perSecond) return [];
      const aDay = (x: number) => formatAmount(Math.round(x * day));
      return [
        {
          message: `about ${aDay(arrive)} cases reach \`${s.id}\` a day (${formatAmount(volume)} a year × ${time.visits[s.index]!.toFixed(2)} visits), more than the ${aDay(s.wait.perSecond)} a day its queue is served at: the queue grows and its wait of ${formatDuration(s.wait.queue / s.wait.perSecond, map.process.calendar)} cannot hold; check the rate or the volume (Little's law: queue = arrivals a day × wait)`,
          path: ['steps', s.index, 'wait', 'rate'],
        },
      ];
    });
  },
};
