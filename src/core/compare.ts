/**
 * Comparing computed figures. A figure summed from chances and durations carries the noise of floating point
 * (0.6 + 0.3 is 0.8999999999999999), so two figures within a billionth of the larger are the same figure: a
 * success rate of 90% meets a target of 90%, and a limit of 2 handoffs holds 2.0000000000000004 handoffs.
 */
const NOISE = 1e-9;

/** Whether two figures are the same, below what any table shows. */
export const same = (a: number, b: number): boolean => Math.abs(a - b) <= NOISE * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether a figure is at most a limit (or the same figure). */
export const atMost = (x: number, limit: number): boolean => x <= limit || same(x, limit);

/** Whether a figure is at least a limit (or the same figure). */
export const atLeast = (x: number, limit: number): boolean => x >= limit || same(x, limit);
