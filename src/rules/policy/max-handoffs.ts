/** max-handoffs: at most this many handoffs of the work per customer (expected, with rework). */
import { maxDriver } from './limits.js';

export const maxHandoffs = maxDriver(
  'max-handoffs',
  'At most this many handoffs per customer: moves of the work between actors outside the customer lane.',
  5,
  (a) => a.effort.handoffs,
  'actor',
  (total, limit, at) => `the work changes hands ${total} times per customer, more than the ${limit} allowed (${at})`,
);
