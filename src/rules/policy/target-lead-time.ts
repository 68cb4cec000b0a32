/** target-lead-time: the map meets its own lead time target (`process.targets.leadTime`), when it sets one. */
import { targetPolicy } from './targets.js';

export const targetLeadTime = targetPolicy('target-lead-time', 'leadTime');
