/** target-success-rate: the map meets its own success rate target (`process.targets.successRate`), when it sets one. */
import { targetPolicy } from './targets.js';

export const targetSuccessRate = targetPolicy('target-success-rate', 'successRate');
