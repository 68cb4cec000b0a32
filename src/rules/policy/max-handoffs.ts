/** max-handoffs: at most this many handoffs of the work per customer (expected, with rework). */
import { options } from '../meta.js';
import { maxDriver } from './limits.js';

export const maxHandoffs = maxDriver(
  {
    id: 'max-handoffs',
    description: 'At most this many handoffs per customer: moves of the work between actors outside the customer lane.',
    recommended: 'warn',
    option: options.count(5, 'the most handoffs allowed', ['error', 3]),
  },
  'handoffs',
  'actor',
  (total, limit, at) => `the work changes hands ${total} times per customer, more than the ${limit} allowed (${at})`,
);
