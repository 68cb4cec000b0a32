/**
 * The size of a lever as the team writes it, under `levers:` in a map or in cxmap.config.yaml: a share of the
 * figure the change takes away (`30%`, `0.3`), a range of them (`20%..40%`), or the figure it is brought to
 * (`{ to: 10% }`, `{ to: 5%..15% }`). The schemas check the form; this reads it and checks that a range runs from
 * low to high.
 */
import type { LeverSetting, RawLever } from './types.js';

const PERCENT = '(100(?:\\.0+)?|[0-9]{1,2}(?:\\.[0-9]+)?)\\s*%';

/** A share as a percentage, or a range of two (`20%..40%`): the pattern of the schemas' `levers` values. */
export const LEVER_SHARE = `^\\s*${PERCENT}\\s*(?:\\.\\.\\s*${PERCENT}\\s*)?$`;

type Parsed = { ok: true; value: LeverSetting } | { ok: false; problem: string };

function range(input: number | string): readonly [number, number] | string {
  if (typeof input === 'number') return [input, input];
  const match = new RegExp(LEVER_SHARE).exec(input);
  if (!match) return `\`${input}\` is not a share: write 30%, or a range like 20%..40%`;
  const low = Number(match[1]) / 100;
  const high = match[2] === undefined ? low : Number(match[2]) / 100;
  return low <= high ? [low, high] : `the range \`${input}\` runs backwards: write the smaller share first`;
}

/** A lever's size as written, read into its range. */
export function parseLever(input: RawLever): Parsed {
  const to = typeof input === 'object';
  const value = range(to ? input.to : input);
  if (typeof value === 'string') return { ok: false, problem: value };
  return { ok: true, value: to ? { to: value } : { cut: value } };
}
