/** max-transfers: at most this many transfers of the customer between frontstage people. */
import { maxDriver } from './limits.js';

export const maxTransfers = maxDriver(
  'max-transfers',
  'At most this many transfers per customer: the customer has to deal with another frontstage person than the last one.',
  2,
  (a) => a.effort.transfers,
  'actor',
  (total, limit, at) =>
    `the customer is passed to another person ${total} times, more than the ${limit} allowed (${at})`,
);
