/** max-transfers: at most this many transfers of the customer between frontstage people. */
import { options } from '../meta.js';
import { maxDriver } from './limits.js';

export const maxTransfers = maxDriver(
  {
    id: 'max-transfers',
    description:
      'At most this many transfers per customer: the customer has to deal with another frontstage person than the last one.',
    recommended: 'warn',
    option: options.count(2, 'the most transfers allowed', ['warn', 1]),
  },
  'transfers',
  'actor',
  (total, limit, at) =>
    `the customer is passed to another person ${total} times, more than the ${limit} allowed (${at})`,
);
