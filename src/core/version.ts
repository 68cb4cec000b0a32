/** cxmap's version, from its package.json (the path holds from src/core, dist/core and the bundle in dist/bundle). */
import { createRequire } from 'node:module';

export const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
