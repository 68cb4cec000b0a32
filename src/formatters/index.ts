/**
 * The formats of findings (`cxmap validate`, `cxmap check`): each a pure function from the findings of every file to
 * text. FORMATTERS is the one list of them.
 */
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { markdown } from './markdown.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Formatter } from './types.js';

export const FORMATTERS = { stylish, json, github, junit, sarif, markdown } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;

export * from './docs.js';
export * from './types.js';
