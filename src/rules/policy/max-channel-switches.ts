/** max-channel-switches: at most this many changes of channel on the customer's side. */
import { options } from '../meta.js';
import { maxDriver } from './limits.js';

export const maxChannelSwitches = maxDriver(
  {
    id: 'max-channel-switches',
    description:
      'At most this many channel switches per customer: a contact the customer starts in another channel than their last one, to pursue the same need.',
    recommended: 'warn',
    option: options.count(2, 'the most channel switches allowed', ['warn', 1]),
  },
  'channelSwitches',
  'channel',
  (total, limit, at) => `the customer switches channel ${total} times, more than the ${limit} allowed (${at})`,
);
