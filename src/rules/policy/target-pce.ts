/** target-pce: the map meets its own PCE target (`process.targets.pce`), when it sets one. */
import { targetPolicy } from './targets.js';

export const targetPce = targetPolicy('target-pce', 'pce');
