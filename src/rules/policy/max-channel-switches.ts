/** max-channel-switches: at most this many changes of channel on the customer's side. */
import { maxDriver } from './limits.js';

export const maxChannelSwitches = maxDriver(
  'max-channel-switches',
  "At most this many channel switches per customer: a customer-facing step in another channel than the customer's last one.",
  2,
  (a) => a.effort.channelSwitches,
  'channel',
  (total, limit, at) => `the customer switches channel ${total} times, more than the ${limit} allowed (${at})`,
);
